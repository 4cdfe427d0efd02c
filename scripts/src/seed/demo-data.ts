/** The demo dataset `npm start` seeds on an empty platform. Deterministic: no randomness. */
export interface Credentials {
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'DotMac-demo-2026!';

export const DEMO_ADMIN: Readonly<Credentials> = Object.freeze({ email: 'admin@dotmac.local', password: DEMO_PASSWORD });

export type PlanTier = 'STARTER' | 'GROWTH' | 'ENTERPRISE';
export type SubscriberType = 'RESIDENTIAL' | 'BUSINESS' | 'ENTERPRISE';
export type SubscriberStatus = 'LEAD' | 'ACTIVE';

export interface DemoTenant {
  slug: string;
  name: string;
  planTier: PlanTier;
  subscriberCount: number;
  /** Prefix of the subscribers' account numbers. */
  accountPrefix: string;
}

export const DEMO_TENANTS: readonly DemoTenant[] = Object.freeze([
  { slug: 'alpha-fiber', name: 'Alpha Fiber', planTier: 'GROWTH', subscriberCount: 250, accountPrefix: 'AF' },
  { slug: 'beta-wireless', name: 'Beta Wireless', planTier: 'STARTER', subscriberCount: 120, accountPrefix: 'BW' },
]);

export interface DemoStaffUser {
  email: string;
  displayName: string;
  roles: string[];
}

const STAFF = [
  { mailbox: 'admin', title: 'Administrator', roles: ['TENANT_ADMIN'] },
  { mailbox: 'billing', title: 'Billing', roles: ['BILLING'] },
  { mailbox: 'noc', title: 'Network Operations', roles: ['NOC'] },
  { mailbox: 'support', title: 'Support', roles: ['SUPPORT_AGENT'] },
] as const;

export function demoStaff(tenant: DemoTenant): DemoStaffUser[] {
  return STAFF.map((staff) => ({
    email: `${staff.mailbox}@${tenant.slug}.example`,
    displayName: `${tenant.name} ${staff.title}`,
    roles: [...staff.roles],
  }));
}

const FIRST_NAMES = [
  'Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo',
  'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sanjay', 'Tamar', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zara',
  'Aiko', 'Bilal', 'Carmen', 'Dmitri', 'Elif', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira',
] as const;

const LAST_NAMES = [
  'Adeyemi', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ibrahim', 'Jensen', 'Kowalski',
  'Larsen', 'Mensah', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Wong',
  'Yilmaz', 'Zhang', 'Andersson', 'Banda', 'Castillo', 'Demir', 'Evans', 'Ferreira',
] as const;

const BUSINESS_KINDS = ['Logistics', 'Dental Clinic', 'Bakery', 'Architects', 'Hardware', 'Law Office', 'Auto Repair', 'Studio'] as const;

export interface DemoSubscriber {
  name: string;
  email: string;
  type: SubscriberType;
  status: SubscriberStatus;
  accountNumber: string;
}

const slugPart = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * Subscriber `index` (0-based) of a demo tenant: mostly residential, every 10th a business, every
 * 50th an enterprise; every 20th is still a lead, the rest are active.
 */
export function demoSubscriber(tenant: DemoTenant, index: number): DemoSubscriber {
  const number = index + 1;
  const first = FIRST_NAMES[index % FIRST_NAMES.length];
  // 31 last names against 37 first names: pairs repeat only after 1,147 subscribers.
  const last = LAST_NAMES[(index + tenant.accountPrefix.charCodeAt(0)) % LAST_NAMES.length];
  const accountNumber = `${tenant.accountPrefix}-${String(number).padStart(6, '0')}`;
  const status: SubscriberStatus = number % 20 === 7 ? 'LEAD' : 'ACTIVE';
  if (number % 50 === 0) {
    const name = `${last} Group`;
    return { name, email: `it@${slugPart(name)}-${number}.example`, type: 'ENTERPRISE', status, accountNumber };
  }
  if (number % 10 === 0) {
    const name = `${last} ${BUSINESS_KINDS[(number / 10) % BUSINESS_KINDS.length]}`;
    return { name, email: `office@${slugPart(name)}-${number}.example`, type: 'BUSINESS', status, accountNumber };
  }
  return { name: `${first} ${last}`, email: `${slugPart(first)}.${slugPart(last)}.${number}@mail.example`, type: 'RESIDENTIAL', status, accountNumber };
}

export function demoSubscribers(tenant: DemoTenant): DemoSubscriber[] {
  return Array.from({ length: tenant.subscriberCount }, (_, index) => demoSubscriber(tenant, index));
}

export interface DemoPlan {
  code: string;
  name: string;
  price: number;
  setupFee: number;
  downloadKbps: number;
  uploadKbps: number;
  minContractMonths: number;
}

/** Each demo ISP sells these plans (prices in cents) and charges one state sales tax. */
export const DEMO_PLANS: readonly DemoPlan[] = Object.freeze([
  { code: 'HOME-100', name: 'Home 100', price: 4999, setupFee: 0, downloadKbps: 100_000, uploadKbps: 20_000, minContractMonths: 0 },
  { code: 'FIBER-500', name: 'Fiber 500', price: 7999, setupFee: 9900, downloadKbps: 500_000, uploadKbps: 100_000, minContractMonths: 12 },
  { code: 'BIZ-1G', name: 'Business 1G', price: 19900, setupFee: 0, downloadKbps: 1_000_000, uploadKbps: 1_000_000, minContractMonths: 24 },
]);

export const DEMO_TAX = Object.freeze({ name: 'State sales tax', jurisdiction: 'US-TX', rate: '6.25', effectiveFrom: '2020-01-01' });
