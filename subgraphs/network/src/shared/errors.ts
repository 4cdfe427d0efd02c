import { AppError, ErrorCode } from '@dotmac/kernel';

/** NOT_FOUND naming the input field that pointed at nothing (or at another tenant's object). */
export const notFoundIn = (type: string, field: string): AppError => new AppError(ErrorCode.NOT_FOUND, `${type} not found`, { type, field });
