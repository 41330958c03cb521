/** What every Ink view receives: a command's Result and the means to go back or open another command. */
import type {ReactNode} from 'react';
import type {Input} from '../core/input.js';
import type {Theme} from '../output/theme.js';

export interface ViewProps<R> {
	readonly result: R;
	readonly input: Input;
	readonly theme: Theme;
	readonly onBack: () => void;
	/** Open another command from a view (diagnose → logs), with its input. */
	readonly onOpen?: (command: string, input: Input) => void;
}

export type View<R> = (props: ViewProps<R>) => ReactNode;

export interface ViewModule<R> {
	readonly default: View<R>;
}
