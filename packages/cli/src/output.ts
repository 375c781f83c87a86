/** Where a command writes, so tests can capture it and colour follows the real terminal. */
export interface Output {
    stdout(text: string): void;
    stderr(text: string): void;
    /** True on a TTY unless NO_COLOR is set (https://no-color.org) or FORCE_COLOR forces it. */
    readonly color: boolean;
    /** The whole of standard input as UTF-8 text (a model given as the path `-`). */
    readStdin?(): Promise<string>;
}

export function processOutput(): Output {
    const env = process.env;
    const color =
        env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
            ? true
            : !('NO_COLOR' in env && env.NO_COLOR !== '') && Boolean(process.stdout.isTTY);
    return {
        stdout: text => {
            process.stdout.write(text);
        },
        stderr: text => {
            process.stderr.write(text);
        },
        color,
        readStdin: async () => {
            const chunks: Buffer[] = [];
            for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
            return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
        }
    };
}
