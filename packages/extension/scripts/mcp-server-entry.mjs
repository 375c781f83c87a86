// The entry of out/mcp-server.cjs, the MCP server the extension registers (src/mcp-provider.ts):
// `mission mcp` of packages/cli, bundled from the sources by scripts/build.mjs and run by VS Code's
// own runtime with the workspace folders as its paths.
import { main } from '../../cli/src/main.ts';

main(['mcp', ...process.argv.slice(2)]).then(code => {
    process.exitCode = code;
});
