// Time zones for the event forms: a short list of the IANA zones where
// round-tables are usually held (for the time-zone input's suggestions), and
// the zone of a host country's capital as the default once a country is chosen.

/** The capital's IANA zone of common host countries (ISO 3166-1 alpha-2). */
const CAPITAL_ZONE: Readonly<Record<string, string>> = {
  // Asia and the Pacific
  AF: "Asia/Kabul",
  AU: "Australia/Sydney",
  BD: "Asia/Dhaka",
  BT: "Asia/Thimphu",
  CN: "Asia/Shanghai",
  FJ: "Pacific/Fiji",
  ID: "Asia/Jakarta",
  IN: "Asia/Kolkata",
  JP: "Asia/Tokyo",
  KG: "Asia/Bishkek",
  KH: "Asia/Phnom_Penh",
  KR: "Asia/Seoul",
  KZ: "Asia/Almaty",
  LA: "Asia/Vientiane",
  LK: "Asia/Colombo",
  MM: "Asia/Yangon",
  MN: "Asia/Ulaanbaatar",
  MY: "Asia/Kuala_Lumpur",
  NP: "Asia/Kathmandu",
  NZ: "Pacific/Auckland",
  PG: "Pacific/Port_Moresby",
  PH: "Asia/Manila",
  PK: "Asia/Karachi",
  SG: "Asia/Singapore",
  TH: "Asia/Bangkok",
  TJ: "Asia/Dushanbe",
  TL: "Asia/Dili",
  TM: "Asia/Ashgabat",
  UZ: "Asia/Tashkent",
  VN: "Asia/Ho_Chi_Minh",
  // Middle East
  AE: "Asia/Dubai",
  IQ: "Asia/Baghdad",
  JO: "Asia/Amman",
  LB: "Asia/Beirut",
  QA: "Asia/Qatar",
  SA: "Asia/Riyadh",
  TR: "Europe/Istanbul",
  // Africa
  CI: "Africa/Abidjan",
  DZ: "Africa/Algiers",
  EG: "Africa/Cairo",
  ET: "Africa/Addis_Ababa",
  GH: "Africa/Accra",
  KE: "Africa/Nairobi",
  MA: "Africa/Casablanca",
  ML: "Africa/Bamako",
  NE: "Africa/Niamey",
  NG: "Africa/Lagos",
  RW: "Africa/Kigali",
  SN: "Africa/Dakar",
  TN: "Africa/Tunis",
  TZ: "Africa/Dar_es_Salaam",
  UG: "Africa/Kampala",
  ZA: "Africa/Johannesburg",
  ZM: "Africa/Lusaka",
  ZW: "Africa/Harare",
  // The Americas
  AR: "America/Argentina/Buenos_Aires",
  BO: "America/La_Paz",
  BR: "America/Sao_Paulo",
  CA: "America/Toronto",
  CL: "America/Santiago",
  CO: "America/Bogota",
  CR: "America/Costa_Rica",
  DO: "America/Santo_Domingo",
  EC: "America/Guayaquil",
  GT: "America/Guatemala",
  HN: "America/Tegucigalpa",
  HT: "America/Port-au-Prince",
  JM: "America/Jamaica",
  MX: "America/Mexico_City",
  PA: "America/Panama",
  PE: "America/Lima",
  PY: "America/Asuncion",
  SV: "America/El_Salvador",
  TT: "America/Port_of_Spain",
  US: "America/New_York",
  UY: "America/Montevideo",
  // Europe
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  CH: "Europe/Zurich",
  DE: "Europe/Berlin",
  ES: "Europe/Madrid",
  FR: "Europe/Paris",
  GB: "Europe/London",
  GR: "Europe/Athens",
  IT: "Europe/Rome",
  MT: "Europe/Malta",
  NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  SE: "Europe/Stockholm",
  UA: "Europe/Kyiv",
};

/** The zone of `country`'s capital, or `null` when the country is not in the short list. */
export function defaultTimeZone(country: string): string | null {
  return CAPITAL_ZONE[country.trim().toUpperCase()] ?? null;
}

/** The time zone to show once the country changes: the country's default,
 *  unless the organiser typed a zone of their own (one that is neither empty
 *  nor the previous country's default). */
export function timeZoneAfterCountryChange(current: string, previousCountry: string, nextCountry: string): string {
  const typed = current.trim();
  const previousDefault = defaultTimeZone(previousCountry);
  if (typed && typed !== previousDefault) return current;
  return defaultTimeZone(nextCountry) ?? typed;
}

/** Suggestions for the time-zone input, in alphabetical order. */
export const COMMON_TIME_ZONES: readonly string[] = [...new Set(Object.values(CAPITAL_ZONE)), "UTC"].sort();
