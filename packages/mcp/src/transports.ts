/**
 * How the server is reached: standard input and output (the default; what MCP clients start), or
 * Streamable HTTP on a loopback address, with the Host and Origin headers checked against DNS
 * rebinding (the SDK's protection). Another address only when explicitly allowed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** Serves on standard input and output until standard input closes (the client went away). */
export async function serveStdio(server: McpServer): Promise<void> {
    const transport = new StdioServerTransport();
    const closed = new Promise<void>(resolve => {
        transport.onclose = resolve;
        process.stdin.once('end', () => void transport.close());
        process.stdin.once('close', () => void transport.close());
    });
    await server.connect(transport);
    await closed;
    await server.close();
}

export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

export function isLoopback(host: string): boolean {
    return LOOPBACK_HOSTS.includes(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

export class HostNotAllowedError extends Error {}

/** The address to listen on (default 127.0.0.1), once it is loopback or explicitly allowed. */
export function allowedHost(options: { readonly host?: string; readonly allowRemote?: boolean }): string {
    const host = options.host ?? '127.0.0.1';
    if (!isLoopback(host) && !options.allowRemote)
        throw new HostNotAllowedError(
            `--host ${host} is not a loopback address: the server has no authentication, so it listens only on ` +
                '127.0.0.1, localhost or ::1 unless --allow-remote is given'
        );
    return host;
}

export interface HttpOptions {
    readonly port: number;
    /** Default 127.0.0.1. */
    readonly host?: string;
    /** Serve on a non-loopback address (anyone who can reach it can read and change the model). */
    readonly allowRemote?: boolean;
}

export interface HttpServing {
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}

/**
 * Streamable HTTP at `/mcp`, stateless: each request gets its own server and transport (made by
 * `makeServer`, cheap: the model is shared), as the SDK recommends for a server without sessions.
 */
export async function serveHttp(makeServer: () => McpServer, options: HttpOptions): Promise<HttpServing> {
    const host = allowedHost(options);
    let port = options.port;
    const http: Server = createServer((request, response) => {
        if (!request.url?.startsWith('/mcp')) {
            response.writeHead(404).end('not found: the MCP endpoint is /mcp\n');
            return;
        }
        const names = isLoopback(host)
            ? ['127.0.0.1', 'localhost', '[::1]']
            : [host.includes(':') ? `[${host}]` : host];
        const transport = new StreamableHTTPServerTransport({
            sessionIdGenerator: undefined,
            enableDnsRebindingProtection: true,
            allowedHosts: names.map(name => `${name}:${port}`),
            allowedOrigins: names.map(name => `http://${name}:${port}`)
        });
        const server = makeServer();
        response.on('close', () => {
            void transport.close();
            void server.close();
        });
        server
            .connect(transport)
            .then(() => transport.handleRequest(request, response))
            .catch((error: unknown) => {
                if (!response.headersSent) response.writeHead(500);
                response.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
            });
    });
    await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port, host, () => resolve());
    });
    port = (http.address() as AddressInfo).port;
    const shown = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${shown}:${port}/mcp`,
        port,
        close: () => new Promise<void>(resolve => http.close(() => resolve()))
    };
}
