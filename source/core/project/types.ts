/** What `init` detects about a project. Plain data: the detector fills it, the plan, the views and --json read it. */

/** Where a fact came from: a file, and the line when one line says it. */
export interface Evidence {
	readonly file: string;
	readonly line?: number;
	/** The text that gave it away (a requirement line, a call), trimmed. */
	readonly text?: string;
}

export interface Found<T> {
	readonly value: T;
	readonly evidence: readonly Evidence[];
}

export type Language = 'python' | 'node' | 'go' | 'java' | 'static';

/** A stack is what a template is chosen for. */
export type StackId =
	| 'django'
	| 'flask'
	| 'fastapi'
	| 'gunicorn'
	| 'streamlit'
	| 'gradio'
	| 'python-script'
	| 'express'
	| 'nextjs'
	| 'nestjs'
	| 'node-static'
	| 'node'
	| 'go'
	| 'static'
	| 'java-maven'
	| 'java-gradle';

export type PackageManager = 'pip' | 'uv' | 'poetry' | 'pdm' | 'pipenv' | 'npm' | 'pnpm' | 'yarn' | 'go' | 'maven' | 'gradle';

export type ServiceId = 'postgres' | 'redis';

/** One declared dependency, as the manifest spells it. */
export interface Dependency {
	/** Normalised: lower case, runs of `-_.` as `-` (PEP 503) for Python; as written for npm. */
	readonly name: string;
	readonly spec: string;
	readonly file: string;
	readonly line: number;
	readonly text: string;
	readonly dev?: boolean;
}

/** Debian packages a dependency needs: to compile it (build stage only) and to run it. */
export interface SystemPackages {
	readonly because: string;
	readonly build: readonly string[];
	readonly runtime: readonly string[];
	readonly evidence: Evidence;
}

/** A variable the code reads from its environment. */
export interface EnvRead {
	readonly name: string;
	/** The default the code falls back to, when it names one. */
	readonly default: string | null;
	readonly evidence: readonly Evidence[];
}

export interface ProjectDetection {
	readonly stack: StackId | null;
	readonly language: Language | null;
	readonly framework: Found<{readonly name: string; readonly version: string | null}> | null;
	readonly packageManager: Found<PackageManager> | null;
	readonly lockfiles: readonly string[];
	/** The runtime version the project asks for: "3.12" (Python), "20" (Node), "1.22" (Go), "21" (Java). */
	readonly runtime: Found<string> | null;
	/** The module, script or app object that starts it: "mysite.wsgi:application", "server.js", "main:app". */
	readonly entry: Found<string> | null;
	readonly port: Found<number> | null;
	readonly systemPackages: readonly SystemPackages[];
	/** AI/ML libraries among the dependencies; null when none. */
	readonly ai: Found<readonly string[]> | null;
	readonly services: readonly Found<ServiceId>[];
	readonly env: readonly EnvRead[];
	/** Docker files already there (Dockerfile, compose.yaml, .dockerignore ...). */
	readonly existing: readonly string[];
	readonly dependencies: readonly Dependency[];
	/** Facts templates adapt to: django-static-root, next-standalone, public-dir, go-sum. */
	readonly features: readonly string[];
	/** What the user should know: a Next.js app without standalone output, a walk that was cut short. */
	readonly notes: readonly string[];
	/** The detection in sentences, each with its evidence: "Django 5.0, from requirements.txt line 3 and manage.py". */
	readonly summary: readonly string[];
}
