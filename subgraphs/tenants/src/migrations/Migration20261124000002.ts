import { Migration } from '@mikro-orm/migrations';

/** Subscriber-portal logins name the subscriber they belong to. */
export class Migration20261124000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "subscriber_id" uuid null`);
    this.addSql(`alter table "app_user" add constraint "app_user_portal_login_has_subscriber"
      check (("subscriber_id" is not null) = ('subscriber' = any("roles")))`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_portal_login_has_subscriber"`);
    this.addSql(`alter table "app_user" drop column "subscriber_id"`);
  }
}
