/**
 * The part of the kernel an edge process (the gateway) needs: config, logging, error codes and
 * formatting, viewers and the signed internal context. Importing it loads no ORM, event bus or
 * schema builder, which keeps the gateway's memory and start-up small.
 */
export * from './config/env.js';
export * from './logging/logger.js';
export * from './errors/error-code.js';
export * from './errors/app-error.js';
export * from './errors/format-error.js';
export * from './auth/viewer.js';
export * from './auth/internal-context.js';
