import { Directive, Field, ObjectType } from 'type-graphql';
import { AppError } from './app-error.js';
import { ErrorCode } from './error-code.js';

/** An expected business failure returned in a mutation payload rather than thrown. */
@Directive('@shareable')
@ObjectType({ description: 'An expected failure of a mutation: which input field, which code, and why.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, if any.' })
  field?: string[];

  @Field(() => String)
  code: ErrorCode;

  @Field()
  message: string;

  static of(code: ErrorCode, message: string, field?: string): UserError {
    const error = new UserError();
    error.code = code;
    error.message = message;
    if (field) error.field = field.split('.');
    return error;
  }

  static fromAppError(error: AppError): UserError {
    const field = typeof error.details.field === 'string' ? error.details.field : undefined;
    return UserError.of(error.code, error.message, field);
  }
}

/** Codes that describe the input, returned as userErrors; auth and rate-limit failures stay top-level. */
const PAYLOAD_CODES: ReadonlySet<ErrorCode> = new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT, ErrorCode.NOT_FOUND]);

/**
 * Runs a mutation body and turns an input-related AppError into `{ userErrors: [...] }`. Any other
 * error still propagates (and is mapped or masked at the boundary). The body must be transactional, so a failure leaves
 * nothing half-written.
 */
export async function withUserErrors<T extends object>(
  body: () => Promise<T>,
): Promise<T & { userErrors: UserError[] }> {
  try {
    return { ...(await body()), userErrors: [] };
  } catch (error) {
    if (error instanceof AppError && PAYLOAD_CODES.has(error.code)) {
      return { userErrors: [UserError.fromAppError(error)] } as unknown as T & { userErrors: UserError[] };
    }
    throw error;
  }
}
