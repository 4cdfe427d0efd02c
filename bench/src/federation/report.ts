import { readFile, writeFile } from 'node:fs/promises';
import { percentile, type LoadResult } from '../support/load.js';
import type { GatewayUnderTest } from './gateways.js';
import type { BenchQuery } from './queries.js';

export interface Measurement {
  query: BenchQuery['key'];
  gateway: GatewayUnderTest['key'] | 'direct';
  connections: number;
  round: number;
  result: LoadResult;
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  perRound: number[];
}

/** Rounds of one gateway on one query and concurrency: mean req/s, percentiles over every response. */
function summarise(measurements: readonly Measurement[]): Summary | undefined {
  if (measurements.length === 0) return undefined;
  const latencies = measurements.flatMap(({ result }) => result.latencies).sort((a, b) => a - b);
  const perRound = measurements.map(({ result }) => result.rps);
  return {
    rps: Math.round(perRound.reduce((sum, rps) => sum + rps, 0) / perRound.length),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: measurements.reduce((sum, { result }) => sum + result.errors, 0),
    perRound,
  };
}

export interface ReportInput {
  measurements: readonly Measurement[];
  memory: Record<string, number>;
  gateways: readonly GatewayUnderTest[];
  queries: readonly BenchQuery[];
  /** Size of each query's answer, by query key. */
  answers: Record<string, string>;
  context: { date: string; commit: string; cpus: number; cpuModel: string; node: string; durationSeconds: number; rounds: number };
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : '–');

/** Markdown: one table per query, the memory line and DotMac's targets. */
export function renderReport(input: ReportInput): string {
  const { context } = input;
  const lines = [
    `### ${context.date}, commit ${context.commit}: ${context.cpus} × ${context.cpuModel}, Node ${context.node}`,
    '',
    `\`npm run bench:federation\`: ${context.durationSeconds} s per run, ${context.rounds} rounds, the gateways in turn in each round (${input.gateways.map(({ title }) => title).join(', ')}), then the direct call; each subgraph and each gateway in its own process with NODE_ENV=production on this machine, autocannon in the bench process. req/s is the mean of the rounds, p50/p99 over every response of the rounds.`,
    '',
  ];
  const targets: string[] = [];
  for (const query of input.queries) {
    lines.push(`**${query.title}** (answer ${input.answers[query.key] ?? '?'})`, '', '| gateway | connections | req/s (rounds) | p50 ms | p99 ms | errors | req/s vs stock | p99 vs stock |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    const connectionLevels = [...new Set(input.measurements.filter((m) => m.query === query.key).map((m) => m.connections))];
    for (const connections of connectionLevels) {
      const of = (gateway: Measurement['gateway']) => summarise(input.measurements.filter((m) => m.query === query.key && m.connections === connections && m.gateway === gateway));
      const stock = of('stock');
      const rows: [string, Summary | undefined][] = [
        ...input.gateways.map(({ key, title }) => [title, of(key)] as [string, Summary | undefined]),
        [`direct to ${query.subgraph} (the limit)`, of('direct')],
      ];
      for (const [title, summary] of rows) {
        if (!summary) continue;
        lines.push(
          `| ${title} | ${connections} | ${summary.rps} (${summary.perRound.join(', ')}) | ${ms(summary.p50)} | ${ms(summary.p99)} | ${summary.errors} | ${stock ? ratio(summary.rps, stock.rps) : '–'} | ${stock ? ratio(summary.p99, stock.p99) : '–'} |`,
        );
      }
      const dotmac = of('dotmac');
      if (stock && dotmac) {
        const wanted = query.key === 'nested' ? 3 : 2;
        const rpsOk = dotmac.rps >= wanted * stock.rps;
        targets.push(`- ${query.title}, ${connections} connections: ${(dotmac.rps / stock.rps).toFixed(2)}× stock's req/s (target ≥ ${wanted}×) ${rpsOk ? 'met' : 'MISSED'}`);
        if (query.key === 'nested') {
          const p99Ok = dotmac.p99 * 3 <= stock.p99;
          targets.push(`- ${query.title}, ${connections} connections: p99 ${(dotmac.p99 / stock.p99).toFixed(2)} of stock's (target ≤ 0.33) ${p99Ok ? 'met' : 'MISSED'}`);
        }
      }
    }
    lines.push('');
  }
  lines.push(`Peak resident memory (VmHWM, process tree): ${input.gateways.map(({ key, title }) => `${title} ${input.memory[key] ?? '?'} MB`).join(', ')}.`);
  if (input.memory.stock && input.memory.dotmac) {
    targets.push(`- peak memory: DotMac ${input.memory.dotmac} MB vs stock ${input.memory.stock} MB (target: not above) ${input.memory.dotmac <= input.memory.stock ? 'met' : 'MISSED'}`);
  }
  if (targets.length > 0) lines.push('', 'DotMac against the targets:', '', ...targets);
  return lines.join('\n');
}

const START = '<!-- bench:federation:start -->';
const END = '<!-- bench:federation:end -->';

/** Replaces the latest-run block of the federation section (kept between markers) with `report`. */
export async function writeReportToDocs(file: string, report: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const block = `${START}\n${report}\n${END}`;
  const next = start >= 0 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n## Federation gateways: \`npm run bench:federation\`\n\n${block}\n`;
  await writeFile(file, next);
}
