/**
 * The view registry: which Ink view shows which command's Result. Views load lazily,
 * so plain and JSON runs never pay for React. `commands/` never imports `ui/`: a command
 * without an entry here is shown through its text rendering in a scrollable view.
 * Adding a view is one file in ui/views plus one line here.
 */
import type {ViewModule} from '../view-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = () => Promise<ViewModule<any>>;

const views: Readonly<Record<string, Loader>> = {
	validate: () => import('./ValidateView.js'),
	diagnose: () => import('./DiagnoseView.js'),
	explain: () => import('./ExplainView.js'),
	'optimize-guide': () => import('./GuideView.js'),
	'debug-guide': () => import('./GuideView.js'),
	lint: () => import('./LintView.js'),
	logs: () => import('./LogsView.js'),
	inspect: () => import('./InspectView.js'),
	init: () => import('./InitView.js'),
	analyze: () => import('./AnalyzeView.js'),
	verify: () => import('./VerifyView.js'),
	monitor: () => import('./MonitorView.js'),
	images: () => import('./ImagesView.js'),
	cleanup: () => import('./CleanupView.js'),
};

export function viewLoader(command: string): Loader | undefined {
	return Object.hasOwn(views, command) ? views[command] : undefined;
}
