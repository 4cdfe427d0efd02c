import type { MikroORM } from '@mikro-orm/postgresql';

/** Counts SQL statements sent through an ORM's connection pool; exposed on `/metrics`. */
export class StatementCounter {
  total = 0;

  attach(orm: MikroORM): this {
    orm.em.getConnection().getKnex().on('query', () => {
      this.total += 1;
    });
    return this;
  }
}
