import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UserError } from '@dotmac/kernel';
import { HealthState } from '../health/health-state.js';
import type { TelemetrySettings } from '../settings/telemetry-settings.js';

@ObjectType({ description: 'A sample that was not stored, and why.' })
export class RejectedSampleType {
  @Field(() => Int, { description: 'Position of the sample in the batch, from 0.' }) index: number;
  @Field({ description: 'The sample field at fault (deviceId, metric, value, at, labels).' }) field: string;
  @Field() code: string;
  @Field() message: string;
}

@ObjectType()
export class IngestHealthSamplesPayload {
  @Field(() => Int, { description: 'Samples stored.' }) accepted: number;
  @Field(() => [RejectedSampleType], { description: 'Samples not stored; every other sample of the batch was.' }) rejected: RejectedSampleType[];
  @Field(() => [UserError], { description: 'Failures of the whole batch (e.g. too many samples): nothing was stored.' }) userErrors: UserError[];
}

@ObjectType('SampleLabel')
export class SampleLabelType {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('HealthSample', { description: 'One measurement of a device.' })
export class HealthSampleType {
  @Field() metric: string;
  @Field(() => Float) value: number;
  @Field() at: Date;
  @Field(() => [SampleLabelType]) labels: SampleLabelType[];
}

@ObjectType('DeviceHealth', { description: "A device's health, derived from its latest samples." })
export class DeviceHealthType {
  @Field(() => HealthState) state: HealthState;
  @Field(() => Date, { nullable: true, description: 'Since when the device is in this state; null when it never sent a sample.' }) since?: Date;
  @Field(() => String, { nullable: true, description: 'Why (e.g. "loss_percent 12 > 5"); null when UP.' }) reason?: string;
  @Field(() => Date, { nullable: true }) lastSampleAt?: Date;
}

@ObjectType('TelemetrySettings', { description: "An ISP's telemetry retention and health thresholds." })
export class TelemetrySettingsType implements TelemetrySettings {
  @Field(() => Int) retentionDays: number;
  @Field(() => Int) staleAfterSeconds: number;
  @Field(() => Float) maxLatencyMs: number;
  @Field(() => Float) maxLossPercent: number;
  @Field(() => Float) maxCpuPercent: number;
  @Field(() => Float) maxTemperatureC: number;

  static from(settings: TelemetrySettings): TelemetrySettingsType {
    return Object.assign(new TelemetrySettingsType(), settings);
  }
}

@ObjectType()
export class TelemetrySettingsPayload {
  @Field(() => TelemetrySettingsType, { nullable: true }) settings?: TelemetrySettingsType;
  @Field(() => [UserError]) userErrors: UserError[];
}
