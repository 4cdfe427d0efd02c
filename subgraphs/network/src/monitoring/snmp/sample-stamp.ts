/** What every sample of one poll of one device shares. */
export interface SampleStamp {
  deviceId: string;
  tenantId: string;
  at: Date;
}
