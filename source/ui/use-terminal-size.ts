/** The terminal's size, followed on resize, so views lay themselves out again when the window changes. */
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface Size {
	readonly columns: number;
	readonly rows: number;
}

export function useTerminalSize(): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout?.columns || 80, rows: stdout?.rows || 24});
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		if (!stdout) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => void stdout.off('resize', onResize);
	}, [stdout]);
	return size;
}
