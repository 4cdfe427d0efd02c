import type { ConnectionArgs } from '@dotmac/kernel';

/** The page arguments as plain data (they key per-request loaders). */
export const pageArgs = (args: ConnectionArgs): ConnectionArgs => ({ first: args.first, after: args.after, last: args.last, before: args.before });
