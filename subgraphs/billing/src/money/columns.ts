import { BigIntType } from '@mikro-orm/core';

/**
 * Column options of a money amount: a bigint of minor units, read as a JS number (always a safe
 * integer here). A fresh object per property, since MikroORM writes into the options it is given.
 */
export const moneyColumn = (options: { nullable?: boolean } = {}) => ({ type: new BigIntType('number'), ...options });
