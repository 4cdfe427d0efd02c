import { AppError } from '@dotmac/kernel';
import { optionalText, requiredText } from '../shared/text.js';
import { COUNTRY_CODES } from './country-codes.js';

/** An address as typed, before checking. */
export interface AddressInput {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** An address after checking: trimmed, country upper-cased, coordinates both or neither. */
export interface AddressFields {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

function coordinate(value: number | null | undefined, field: string, limit: number): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < -limit || value > limit) {
    throw AppError.badInput(`${field === 'latitude' ? 'Latitude' : 'Longitude'} must be between -${limit} and ${limit}`, field);
  }
  return value;
}

export function cleanCountry(country: string | null | undefined): string {
  const code = (country ?? '').trim().toUpperCase();
  if (!COUNTRY_CODES.has(code)) throw AppError.badInput('Country must be an ISO 3166-1 alpha-2 code, e.g. "US"', 'country');
  return code;
}

/** Checks a whole address; throws the first problem as BAD_USER_INPUT naming its field. */
export function checkAddress(input: AddressInput): AddressFields {
  const line1 = requiredText(input.line1, 'line1', 'Address line 1', 200);
  const line2 = optionalText(input.line2, 'line2', 'Address line 2', 200);
  const city = requiredText(input.city, 'city', 'City', 100);
  const region = optionalText(input.region, 'region', 'Region', 100);
  const postalCode = optionalText(input.postalCode, 'postalCode', 'Postal code', 20);
  const country = cleanCountry(input.country);
  const latitude = coordinate(input.latitude, 'latitude', 90);
  const longitude = coordinate(input.longitude, 'longitude', 180);
  if ((latitude === null) !== (longitude === null)) {
    throw AppError.badInput('Give both latitude and longitude, or neither', latitude === null ? 'latitude' : 'longitude');
  }
  return { line1, line2, city, region, postalCode, country, latitude, longitude };
}
