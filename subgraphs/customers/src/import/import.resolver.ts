import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ErrorCode, requireRole, runAuditedMutation, tenantScope, toGlobalId, UserError } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { actorOf } from '../change-log/actor.js';
import { SERVICE, tenantFromInput, WRITERS } from '../shared/access.js';
import { ImportSubscribersInput } from './import.input.js';
import { ImportRowError, ImportSubscribersPayload } from './import.type.js';
import { ImportRejected, importSubscribers, MAX_IMPORT_ROWS } from './import.service.js';

function rejected(error: ImportRejected): ImportSubscribersPayload {
  return Object.assign(new ImportSubscribersPayload(), {
    importedCount: 0,
    imported: [],
    rowErrors: error.problems.map((problem) =>
      Object.assign(new ImportRowError(), { line: problem.line, field: problem.field ? problem.field.split('.') : undefined, code: problem.code, message: problem.message }),
    ),
    userErrors: [UserError.of(ErrorCode.BAD_USER_INPUT, error.message, 'rows')],
  });
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportSubscribersPayload, {
    description: `Imports up to ${MAX_IMPORT_ROWS} subscribers in one transaction: all rows, or none and a report of every bad row.`,
  })
  async importSubscribers(@Ctx() ctx: CustomersContext, @Arg('input', () => ImportSubscribersInput) input: ImportSubscribersInput): Promise<ImportSubscribersPayload> {
    requireRole(ctx.viewer, ...WRITERS);
    const tenant = tenantFromInput(ctx.viewer, input.tenantId);
    const actor = actorOf(ctx);
    try {
      const result = await runAuditedMutation(ctx, {
        service: SERVICE,
        operation: 'importSubscribers',
        scope: tenantScope(tenant),
        work: async (em) => {
          const { imported } = await importSubscribers(em, tenant, input.rows, actor);
          return {
            payload: {
              importedCount: imported.length,
              imported: imported.map((row) => ({ line: row.line, subscriberId: toGlobalId('Subscriber', row.id), accountNumber: row.accountNumber })),
              rowErrors: [],
            },
            details: { rows: input.rows.length, imported: imported.length },
          };
        },
      });
      return Object.assign(new ImportSubscribersPayload(), { importedCount: 0, imported: [], rowErrors: [] }, result);
    } catch (error) {
      if (error instanceof ImportRejected) return rejected(error);
      throw error;
    }
  }
}
