/** What a file write did, as Results report it (adapters/files.ts performs the write). */
export interface WriteOutcome {
	readonly path: string;
	readonly bytes: number;
	/** Where the previous file was kept when --force replaced it (absolute path). */
	readonly backup?: string;
	readonly replaced: boolean;
}
