import { ErrorCode } from '@dotmac/kernel/edge';
import type { Response } from 'express';

/** Answers outside Apollo (body parsing, size limits) in the same shape Apollo answers errors. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}
