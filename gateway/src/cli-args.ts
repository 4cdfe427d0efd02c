/**
 * Command-line flags of the gateway, as overrides of its environment variables, so it can be
 * started on any supergraph beside other gateways:
 *   node gateway/dist/main.js --supergraph path/to/supergraph.graphql \
 *     --subgraphs accounts=http://127.0.0.1:4201/graphql,products=http://… --port 4200 --no-auth
 */
const FLAGS: Record<string, string> = {
  '--supergraph': 'SUPERGRAPH_PATH',
  '--subgraphs': 'SUBGRAPH_URLS',
  '--port': 'PORT',
  '--host': 'HOST',
};

export function environmentFromArgs(args: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--no-auth') {
      overrides.DOTMAC_AUTH = 'false';
      continue;
    }
    const [flag, inline] = arg.includes('=') && arg.startsWith('--') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const variable = FLAGS[flag!];
    const value = inline ?? args[i + 1];
    if (!variable || value === undefined) throw new Error(`Unknown or incomplete argument "${arg}" (flags: ${Object.keys(FLAGS).join(', ')}, --no-auth)`);
    overrides[variable] = value;
    if (inline === undefined) i += 1;
  }
  return overrides;
}
