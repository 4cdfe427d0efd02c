import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A label of a sample (e.g. the interface it was measured on).' })
export class SampleLabelInput {
  @Field({ description: '1–64 characters.' }) name: string;
  @Field({ description: 'At most 256 characters.' }) value: string;
}

@InputType()
export class HealthSampleInput {
  @Field(() => ID) deviceId: string;
  @Field({ description: 'up, latency_ms, loss_percent, cpu_percent, memory_percent, temperature_c, optical_rx_dbm, optical_tx_dbm, interface_in_octets, interface_out_octets or uptime_s.' })
  metric: string;
  @Field(() => Float) value: number;
  @Field(() => Date, { nullable: true, description: 'When it was measured; the time of arrival when absent. At most 5 minutes ahead, never older than the retention.' })
  at?: Date;
  @Field(() => [SampleLabelInput], { nullable: true, description: 'At most 16.' }) labels?: SampleLabelInput[];
}

@InputType()
export class IngestHealthSamplesInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff and API keys get their own.' }) tenantId?: string;
  @Field(() => [HealthSampleInput], { description: 'At most TELEMETRY_MAX_BATCH_SIZE (5,000 by default).' }) samples: HealthSampleInput[];
}

@InputType({ description: 'Absent fields stay as they are.' })
export class UpdateTelemetrySettingsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => Int, { nullable: true, description: 'Days samples are kept, 1–365.' }) retentionDays?: number;
  @Field(() => Int, { nullable: true, description: 'Seconds without samples after which a device is UNKNOWN, 60–86400.' }) staleAfterSeconds?: number;
  @Field(() => Float, { nullable: true }) maxLatencyMs?: number;
  @Field(() => Float, { nullable: true }) maxLossPercent?: number;
  @Field(() => Float, { nullable: true }) maxCpuPercent?: number;
  @Field(() => Float, { nullable: true }) maxTemperatureC?: number;
}
