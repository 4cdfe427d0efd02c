import { platform } from './platform-context.js';

/** SQL statements sent so far by one subgraph of the test platform (its /metrics counter), or by all of them. */
export async function statementsSoFar(subgraph?: string): Promise<number> {
  const urls = subgraph ? [platform().subgraphUrls[subgraph]!] : Object.values(platform().subgraphUrls);
  let total = 0;
  for (const url of urls) {
    const text = await (await fetch(new URL('/metrics', url))).text();
    total += Number(/dotmac_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? NaN);
  }
  return total;
}

/** The least statement count of three runs of `run` on one subgraph (a background pass can land in a window). */
export async function fewestStatementsOf(subgraph: string, run: () => Promise<void>): Promise<number> {
  const counts = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await statementsSoFar(subgraph);
    await run();
    counts.push((await statementsSoFar(subgraph)) - before);
  }
  return Math.min(...counts);
}
