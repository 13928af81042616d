/**
 * Demographic taxonomy for Showdown: countries (ISO 3166-1 alpha-2 with UN M49
 * regions), age bands, education levels and languages (ISO 639-1), plus small
 * lookup / validation helpers.
 *
 * Plain data with no imports, so it is safe to use from server and client code. Names and labels
 * here are English (API errors, exports, logs); the interface shows them in the reader's language
 * through lib/slice-labels.ts (CLDR names for countries and languages, messages for the rest).
 *
 * Sources: country list and ISO names from Debian iso-codes 4.15 (iso_3166-1),
 * with the friendlier common name where one exists (e.g. "Bolivia", "South Korea",
 * "Taiwan"); regions from the UN M49 standard. Languages from ISO 639-1 (via
 * iso_639-2 alpha_2 entries), shortened to their usual English name.
 */

// ---------------------------------------------------------------------------
// "Prefer not to say"
// ---------------------------------------------------------------------------

/** Value a form or API sends for an attribute the person chose not to give; stored as null. */
export const PREFER_NOT_TO_SAY = "undisclosed" as const;

// ---------------------------------------------------------------------------
// Regions (UN M49 top level)
// ---------------------------------------------------------------------------

export const REGION_CODES = ["africa", "americas", "asia", "europe", "oceania"] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  readonly code: RegionCode;
  readonly name: string;
}

export const REGIONS: readonly Region[] = [
  { code: "africa", name: "Africa" },
  { code: "americas", name: "Americas" },
  { code: "asia", name: "Asia" },
  { code: "europe", name: "Europe" },
  { code: "oceania", name: "Oceania" },
];

// ---------------------------------------------------------------------------
// Countries (ISO 3166-1 alpha-2, all 249 officially assigned codes)
// ---------------------------------------------------------------------------

export interface Country {
  /** ISO 3166-1 alpha-2 code, upper-case. */
  readonly code: string;
  /** English short name. */
  readonly name: string;
  /** UN M49 region; null only for Antarctica (AQ), which M49 puts in no region. */
  readonly region: RegionCode | null;
}

/** All ISO 3166-1 countries and territories, sorted by English name. XK (Kosovo) is not an ISO code and is excluded. */
export const COUNTRIES: readonly Country[] = [
  { code: "AF", name: "Afghanistan", region: "asia" },
  { code: "AX", name: "Åland Islands", region: "europe" },
  { code: "AL", name: "Albania", region: "europe" },
  { code: "DZ", name: "Algeria", region: "africa" },
  { code: "AS", name: "American Samoa", region: "oceania" },
  { code: "AD", name: "Andorra", region: "europe" },
  { code: "AO", name: "Angola", region: "africa" },
  { code: "AI", name: "Anguilla", region: "americas" },
  { code: "AQ", name: "Antarctica", region: null },
  { code: "AG", name: "Antigua and Barbuda", region: "americas" },
  { code: "AR", name: "Argentina", region: "americas" },
  { code: "AM", name: "Armenia", region: "asia" },
  { code: "AW", name: "Aruba", region: "americas" },
  { code: "AU", name: "Australia", region: "oceania" },
  { code: "AT", name: "Austria", region: "europe" },
  { code: "AZ", name: "Azerbaijan", region: "asia" },
  { code: "BS", name: "Bahamas", region: "americas" },
  { code: "BH", name: "Bahrain", region: "asia" },
  { code: "BD", name: "Bangladesh", region: "asia" },
  { code: "BB", name: "Barbados", region: "americas" },
  { code: "BY", name: "Belarus", region: "europe" },
  { code: "BE", name: "Belgium", region: "europe" },
  { code: "BZ", name: "Belize", region: "americas" },
  { code: "BJ", name: "Benin", region: "africa" },
  { code: "BM", name: "Bermuda", region: "americas" },
  { code: "BT", name: "Bhutan", region: "asia" },
  { code: "BO", name: "Bolivia", region: "americas" },
  { code: "BQ", name: "Bonaire, Sint Eustatius and Saba", region: "americas" },
  { code: "BA", name: "Bosnia and Herzegovina", region: "europe" },
  { code: "BW", name: "Botswana", region: "africa" },
  { code: "BV", name: "Bouvet Island", region: "americas" },
  { code: "BR", name: "Brazil", region: "americas" },
  { code: "IO", name: "British Indian Ocean Territory", region: "africa" },
  { code: "VG", name: "British Virgin Islands", region: "americas" },
  { code: "BN", name: "Brunei", region: "asia" },
  { code: "BG", name: "Bulgaria", region: "europe" },
  { code: "BF", name: "Burkina Faso", region: "africa" },
  { code: "BI", name: "Burundi", region: "africa" },
  { code: "CV", name: "Cabo Verde", region: "africa" },
  { code: "KH", name: "Cambodia", region: "asia" },
  { code: "CM", name: "Cameroon", region: "africa" },
  { code: "CA", name: "Canada", region: "americas" },
  { code: "KY", name: "Cayman Islands", region: "americas" },
  { code: "CF", name: "Central African Republic", region: "africa" },
  { code: "TD", name: "Chad", region: "africa" },
  { code: "CL", name: "Chile", region: "americas" },
  { code: "CN", name: "China", region: "asia" },
  { code: "CX", name: "Christmas Island", region: "oceania" },
  { code: "CC", name: "Cocos (Keeling) Islands", region: "oceania" },
  { code: "CO", name: "Colombia", region: "americas" },
  { code: "KM", name: "Comoros", region: "africa" },
  { code: "CG", name: "Congo", region: "africa" },
  { code: "CK", name: "Cook Islands", region: "oceania" },
  { code: "CR", name: "Costa Rica", region: "americas" },
  { code: "CI", name: "Côte d'Ivoire", region: "africa" },
  { code: "HR", name: "Croatia", region: "europe" },
  { code: "CU", name: "Cuba", region: "americas" },
  { code: "CW", name: "Curaçao", region: "americas" },
  { code: "CY", name: "Cyprus", region: "asia" },
  { code: "CZ", name: "Czechia", region: "europe" },
  { code: "CD", name: "Democratic Republic of the Congo", region: "africa" },
  { code: "DK", name: "Denmark", region: "europe" },
  { code: "DJ", name: "Djibouti", region: "africa" },
  { code: "DM", name: "Dominica", region: "americas" },
  { code: "DO", name: "Dominican Republic", region: "americas" },
  { code: "EC", name: "Ecuador", region: "americas" },
  { code: "EG", name: "Egypt", region: "africa" },
  { code: "SV", name: "El Salvador", region: "americas" },
  { code: "GQ", name: "Equatorial Guinea", region: "africa" },
  { code: "ER", name: "Eritrea", region: "africa" },
  { code: "EE", name: "Estonia", region: "europe" },
  { code: "SZ", name: "Eswatini", region: "africa" },
  { code: "ET", name: "Ethiopia", region: "africa" },
  { code: "FK", name: "Falkland Islands (Malvinas)", region: "americas" },
  { code: "FO", name: "Faroe Islands", region: "europe" },
  { code: "FJ", name: "Fiji", region: "oceania" },
  { code: "FI", name: "Finland", region: "europe" },
  { code: "FR", name: "France", region: "europe" },
  { code: "GF", name: "French Guiana", region: "americas" },
  { code: "PF", name: "French Polynesia", region: "oceania" },
  { code: "TF", name: "French Southern Territories", region: "africa" },
  { code: "GA", name: "Gabon", region: "africa" },
  { code: "GM", name: "Gambia", region: "africa" },
  { code: "GE", name: "Georgia", region: "asia" },
  { code: "DE", name: "Germany", region: "europe" },
  { code: "GH", name: "Ghana", region: "africa" },
  { code: "GI", name: "Gibraltar", region: "europe" },
  { code: "GR", name: "Greece", region: "europe" },
  { code: "GL", name: "Greenland", region: "americas" },
  { code: "GD", name: "Grenada", region: "americas" },
  { code: "GP", name: "Guadeloupe", region: "americas" },
  { code: "GU", name: "Guam", region: "oceania" },
  { code: "GT", name: "Guatemala", region: "americas" },
  { code: "GG", name: "Guernsey", region: "europe" },
  { code: "GN", name: "Guinea", region: "africa" },
  { code: "GW", name: "Guinea-Bissau", region: "africa" },
  { code: "GY", name: "Guyana", region: "americas" },
  { code: "HT", name: "Haiti", region: "americas" },
  { code: "HM", name: "Heard Island and McDonald Islands", region: "oceania" },
  { code: "VA", name: "Holy See", region: "europe" },
  { code: "HN", name: "Honduras", region: "americas" },
  { code: "HK", name: "Hong Kong", region: "asia" },
  { code: "HU", name: "Hungary", region: "europe" },
  { code: "IS", name: "Iceland", region: "europe" },
  { code: "IN", name: "India", region: "asia" },
  { code: "ID", name: "Indonesia", region: "asia" },
  { code: "IR", name: "Iran", region: "asia" },
  { code: "IQ", name: "Iraq", region: "asia" },
  { code: "IE", name: "Ireland", region: "europe" },
  { code: "IM", name: "Isle of Man", region: "europe" },
  { code: "IL", name: "Israel", region: "asia" },
  { code: "IT", name: "Italy", region: "europe" },
  { code: "JM", name: "Jamaica", region: "americas" },
  { code: "JP", name: "Japan", region: "asia" },
  { code: "JE", name: "Jersey", region: "europe" },
  { code: "JO", name: "Jordan", region: "asia" },
  { code: "KZ", name: "Kazakhstan", region: "asia" },
  { code: "KE", name: "Kenya", region: "africa" },
  { code: "KI", name: "Kiribati", region: "oceania" },
  { code: "KW", name: "Kuwait", region: "asia" },
  { code: "KG", name: "Kyrgyzstan", region: "asia" },
  { code: "LA", name: "Laos", region: "asia" },
  { code: "LV", name: "Latvia", region: "europe" },
  { code: "LB", name: "Lebanon", region: "asia" },
  { code: "LS", name: "Lesotho", region: "africa" },
  { code: "LR", name: "Liberia", region: "africa" },
  { code: "LY", name: "Libya", region: "africa" },
  { code: "LI", name: "Liechtenstein", region: "europe" },
  { code: "LT", name: "Lithuania", region: "europe" },
  { code: "LU", name: "Luxembourg", region: "europe" },
  { code: "MO", name: "Macao", region: "asia" },
  { code: "MG", name: "Madagascar", region: "africa" },
  { code: "MW", name: "Malawi", region: "africa" },
  { code: "MY", name: "Malaysia", region: "asia" },
  { code: "MV", name: "Maldives", region: "asia" },
  { code: "ML", name: "Mali", region: "africa" },
  { code: "MT", name: "Malta", region: "europe" },
  { code: "MH", name: "Marshall Islands", region: "oceania" },
  { code: "MQ", name: "Martinique", region: "americas" },
  { code: "MR", name: "Mauritania", region: "africa" },
  { code: "MU", name: "Mauritius", region: "africa" },
  { code: "YT", name: "Mayotte", region: "africa" },
  { code: "MX", name: "Mexico", region: "americas" },
  { code: "FM", name: "Micronesia", region: "oceania" },
  { code: "MD", name: "Moldova", region: "europe" },
  { code: "MC", name: "Monaco", region: "europe" },
  { code: "MN", name: "Mongolia", region: "asia" },
  { code: "ME", name: "Montenegro", region: "europe" },
  { code: "MS", name: "Montserrat", region: "americas" },
  { code: "MA", name: "Morocco", region: "africa" },
  { code: "MZ", name: "Mozambique", region: "africa" },
  { code: "MM", name: "Myanmar", region: "asia" },
  { code: "NA", name: "Namibia", region: "africa" },
  { code: "NR", name: "Nauru", region: "oceania" },
  { code: "NP", name: "Nepal", region: "asia" },
  { code: "NL", name: "Netherlands", region: "europe" },
  { code: "NC", name: "New Caledonia", region: "oceania" },
  { code: "NZ", name: "New Zealand", region: "oceania" },
  { code: "NI", name: "Nicaragua", region: "americas" },
  { code: "NE", name: "Niger", region: "africa" },
  { code: "NG", name: "Nigeria", region: "africa" },
  { code: "NU", name: "Niue", region: "oceania" },
  { code: "NF", name: "Norfolk Island", region: "oceania" },
  { code: "KP", name: "North Korea", region: "asia" },
  { code: "MK", name: "North Macedonia", region: "europe" },
  { code: "MP", name: "Northern Mariana Islands", region: "oceania" },
  { code: "NO", name: "Norway", region: "europe" },
  { code: "OM", name: "Oman", region: "asia" },
  { code: "PK", name: "Pakistan", region: "asia" },
  { code: "PW", name: "Palau", region: "oceania" },
  { code: "PS", name: "Palestine", region: "asia" },
  { code: "PA", name: "Panama", region: "americas" },
  { code: "PG", name: "Papua New Guinea", region: "oceania" },
  { code: "PY", name: "Paraguay", region: "americas" },
  { code: "PE", name: "Peru", region: "americas" },
  { code: "PH", name: "Philippines", region: "asia" },
  { code: "PN", name: "Pitcairn", region: "oceania" },
  { code: "PL", name: "Poland", region: "europe" },
  { code: "PT", name: "Portugal", region: "europe" },
  { code: "PR", name: "Puerto Rico", region: "americas" },
  { code: "QA", name: "Qatar", region: "asia" },
  { code: "RE", name: "Réunion", region: "africa" },
  { code: "RO", name: "Romania", region: "europe" },
  { code: "RU", name: "Russia", region: "europe" },
  { code: "RW", name: "Rwanda", region: "africa" },
  { code: "BL", name: "Saint Barthélemy", region: "americas" },
  { code: "SH", name: "Saint Helena, Ascension and Tristan da Cunha", region: "africa" },
  { code: "KN", name: "Saint Kitts and Nevis", region: "americas" },
  { code: "LC", name: "Saint Lucia", region: "americas" },
  { code: "MF", name: "Saint Martin (French part)", region: "americas" },
  { code: "PM", name: "Saint Pierre and Miquelon", region: "americas" },
  { code: "VC", name: "Saint Vincent and the Grenadines", region: "americas" },
  { code: "WS", name: "Samoa", region: "oceania" },
  { code: "SM", name: "San Marino", region: "europe" },
  { code: "ST", name: "Sao Tome and Principe", region: "africa" },
  { code: "SA", name: "Saudi Arabia", region: "asia" },
  { code: "SN", name: "Senegal", region: "africa" },
  { code: "RS", name: "Serbia", region: "europe" },
  { code: "SC", name: "Seychelles", region: "africa" },
  { code: "SL", name: "Sierra Leone", region: "africa" },
  { code: "SG", name: "Singapore", region: "asia" },
  { code: "SX", name: "Sint Maarten (Dutch part)", region: "americas" },
  { code: "SK", name: "Slovakia", region: "europe" },
  { code: "SI", name: "Slovenia", region: "europe" },
  { code: "SB", name: "Solomon Islands", region: "oceania" },
  { code: "SO", name: "Somalia", region: "africa" },
  { code: "ZA", name: "South Africa", region: "africa" },
  { code: "GS", name: "South Georgia and the South Sandwich Islands", region: "americas" },
  { code: "KR", name: "South Korea", region: "asia" },
  { code: "SS", name: "South Sudan", region: "africa" },
  { code: "ES", name: "Spain", region: "europe" },
  { code: "LK", name: "Sri Lanka", region: "asia" },
  { code: "SD", name: "Sudan", region: "africa" },
  { code: "SR", name: "Suriname", region: "americas" },
  { code: "SJ", name: "Svalbard and Jan Mayen", region: "europe" },
  { code: "SE", name: "Sweden", region: "europe" },
  { code: "CH", name: "Switzerland", region: "europe" },
  { code: "SY", name: "Syria", region: "asia" },
  { code: "TW", name: "Taiwan", region: "asia" },
  { code: "TJ", name: "Tajikistan", region: "asia" },
  { code: "TZ", name: "Tanzania", region: "africa" },
  { code: "TH", name: "Thailand", region: "asia" },
  { code: "TL", name: "Timor-Leste", region: "asia" },
  { code: "TG", name: "Togo", region: "africa" },
  { code: "TK", name: "Tokelau", region: "oceania" },
  { code: "TO", name: "Tonga", region: "oceania" },
  { code: "TT", name: "Trinidad and Tobago", region: "americas" },
  { code: "TN", name: "Tunisia", region: "africa" },
  { code: "TR", name: "Türkiye", region: "asia" },
  { code: "TM", name: "Turkmenistan", region: "asia" },
  { code: "TC", name: "Turks and Caicos Islands", region: "americas" },
  { code: "TV", name: "Tuvalu", region: "oceania" },
  { code: "VI", name: "U.S. Virgin Islands", region: "americas" },
  { code: "UG", name: "Uganda", region: "africa" },
  { code: "UA", name: "Ukraine", region: "europe" },
  { code: "AE", name: "United Arab Emirates", region: "asia" },
  { code: "GB", name: "United Kingdom", region: "europe" },
  { code: "US", name: "United States", region: "americas" },
  { code: "UM", name: "United States Minor Outlying Islands", region: "oceania" },
  { code: "UY", name: "Uruguay", region: "americas" },
  { code: "UZ", name: "Uzbekistan", region: "asia" },
  { code: "VU", name: "Vanuatu", region: "oceania" },
  { code: "VE", name: "Venezuela", region: "americas" },
  { code: "VN", name: "Vietnam", region: "asia" },
  { code: "WF", name: "Wallis and Futuna", region: "oceania" },
  { code: "EH", name: "Western Sahara", region: "africa" },
  { code: "YE", name: "Yemen", region: "asia" },
  { code: "ZM", name: "Zambia", region: "africa" },
  { code: "ZW", name: "Zimbabwe", region: "africa" },
];

// ---------------------------------------------------------------------------
// Age bands
// ---------------------------------------------------------------------------

export const AGE_BAND_CODES = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;

export type AgeBand = (typeof AGE_BAND_CODES)[number];

export const AGE_BANDS: readonly { readonly code: AgeBand; readonly label: string }[] = [
  { code: "18-24", label: "18-24" },
  { code: "25-34", label: "25-34" },
  { code: "35-44", label: "35-44" },
  { code: "45-54", label: "45-54" },
  { code: "55-64", label: "55-64" },
  { code: "65+", label: "65 and over" },
];

// ---------------------------------------------------------------------------
// Education (highest level completed)
// ---------------------------------------------------------------------------

export const EDUCATION_CODES = [
  "primary",
  "secondary",
  "vocational",
  "bachelor",
  "master",
  "doctorate",
] as const;

export type Education = (typeof EDUCATION_CODES)[number];

export const EDUCATION_LEVELS: readonly { readonly code: Education; readonly label: string }[] = [
  { code: "primary", label: "Primary school" },
  { code: "secondary", label: "Secondary school" },
  { code: "vocational", label: "Vocational training" },
  { code: "bachelor", label: "Bachelor's degree" },
  { code: "master", label: "Master's degree" },
  { code: "doctorate", label: "Doctorate" },
];

// ---------------------------------------------------------------------------
// Languages (ISO 639-1)
// ---------------------------------------------------------------------------

export interface Language {
  /** ISO 639-1 code, lower-case. */
  readonly code: string;
  /** English name. */
  readonly name: string;
}

/** All ISO 639-1 languages (184, including the deprecated collective "bh" Bihari), sorted by English name. */
export const LANGUAGES: readonly Language[] = [
  { code: "ab", name: "Abkhazian" },
  { code: "aa", name: "Afar" },
  { code: "af", name: "Afrikaans" },
  { code: "ak", name: "Akan" },
  { code: "sq", name: "Albanian" },
  { code: "am", name: "Amharic" },
  { code: "ar", name: "Arabic" },
  { code: "an", name: "Aragonese" },
  { code: "hy", name: "Armenian" },
  { code: "as", name: "Assamese" },
  { code: "av", name: "Avaric" },
  { code: "ae", name: "Avestan" },
  { code: "ay", name: "Aymara" },
  { code: "az", name: "Azerbaijani" },
  { code: "bm", name: "Bambara" },
  { code: "ba", name: "Bashkir" },
  { code: "eu", name: "Basque" },
  { code: "be", name: "Belarusian" },
  { code: "bn", name: "Bengali" },
  { code: "bh", name: "Bihari" },
  { code: "bi", name: "Bislama" },
  { code: "bs", name: "Bosnian" },
  { code: "br", name: "Breton" },
  { code: "bg", name: "Bulgarian" },
  { code: "my", name: "Burmese" },
  { code: "ca", name: "Catalan" },
  { code: "ch", name: "Chamorro" },
  { code: "ce", name: "Chechen" },
  { code: "ny", name: "Chichewa" },
  { code: "zh", name: "Chinese" },
  { code: "cu", name: "Church Slavonic" },
  { code: "cv", name: "Chuvash" },
  { code: "kw", name: "Cornish" },
  { code: "co", name: "Corsican" },
  { code: "cr", name: "Cree" },
  { code: "hr", name: "Croatian" },
  { code: "cs", name: "Czech" },
  { code: "da", name: "Danish" },
  { code: "dv", name: "Dhivehi" },
  { code: "nl", name: "Dutch" },
  { code: "dz", name: "Dzongkha" },
  { code: "en", name: "English" },
  { code: "eo", name: "Esperanto" },
  { code: "et", name: "Estonian" },
  { code: "ee", name: "Ewe" },
  { code: "fo", name: "Faroese" },
  { code: "fj", name: "Fijian" },
  { code: "fi", name: "Finnish" },
  { code: "fr", name: "French" },
  { code: "ff", name: "Fula" },
  { code: "gl", name: "Galician" },
  { code: "lg", name: "Ganda" },
  { code: "ka", name: "Georgian" },
  { code: "de", name: "German" },
  { code: "el", name: "Greek" },
  { code: "kl", name: "Greenlandic" },
  { code: "gn", name: "Guarani" },
  { code: "gu", name: "Gujarati" },
  { code: "ht", name: "Haitian Creole" },
  { code: "ha", name: "Hausa" },
  { code: "he", name: "Hebrew" },
  { code: "hz", name: "Herero" },
  { code: "hi", name: "Hindi" },
  { code: "ho", name: "Hiri Motu" },
  { code: "hu", name: "Hungarian" },
  { code: "is", name: "Icelandic" },
  { code: "io", name: "Ido" },
  { code: "ig", name: "Igbo" },
  { code: "id", name: "Indonesian" },
  { code: "ia", name: "Interlingua" },
  { code: "ie", name: "Interlingue" },
  { code: "iu", name: "Inuktitut" },
  { code: "ik", name: "Inupiaq" },
  { code: "ga", name: "Irish" },
  { code: "it", name: "Italian" },
  { code: "ja", name: "Japanese" },
  { code: "jv", name: "Javanese" },
  { code: "kn", name: "Kannada" },
  { code: "kr", name: "Kanuri" },
  { code: "ks", name: "Kashmiri" },
  { code: "kk", name: "Kazakh" },
  { code: "km", name: "Khmer" },
  { code: "ki", name: "Kikuyu" },
  { code: "rw", name: "Kinyarwanda" },
  { code: "kv", name: "Komi" },
  { code: "kg", name: "Kongo" },
  { code: "ko", name: "Korean" },
  { code: "ku", name: "Kurdish" },
  { code: "kj", name: "Kwanyama" },
  { code: "ky", name: "Kyrgyz" },
  { code: "lo", name: "Lao" },
  { code: "la", name: "Latin" },
  { code: "lv", name: "Latvian" },
  { code: "li", name: "Limburgish" },
  { code: "ln", name: "Lingala" },
  { code: "lt", name: "Lithuanian" },
  { code: "lu", name: "Luba-Katanga" },
  { code: "lb", name: "Luxembourgish" },
  { code: "mk", name: "Macedonian" },
  { code: "mg", name: "Malagasy" },
  { code: "ms", name: "Malay" },
  { code: "ml", name: "Malayalam" },
  { code: "mt", name: "Maltese" },
  { code: "gv", name: "Manx" },
  { code: "mi", name: "Maori" },
  { code: "mr", name: "Marathi" },
  { code: "mh", name: "Marshallese" },
  { code: "mn", name: "Mongolian" },
  { code: "na", name: "Nauruan" },
  { code: "nv", name: "Navajo" },
  { code: "ng", name: "Ndonga" },
  { code: "ne", name: "Nepali" },
  { code: "nd", name: "North Ndebele" },
  { code: "se", name: "Northern Sami" },
  { code: "no", name: "Norwegian" },
  { code: "nb", name: "Norwegian Bokmål" },
  { code: "nn", name: "Norwegian Nynorsk" },
  { code: "oc", name: "Occitan" },
  { code: "oj", name: "Ojibwa" },
  { code: "or", name: "Oriya" },
  { code: "om", name: "Oromo" },
  { code: "os", name: "Ossetian" },
  { code: "pi", name: "Pali" },
  { code: "ps", name: "Pashto" },
  { code: "fa", name: "Persian" },
  { code: "pl", name: "Polish" },
  { code: "pt", name: "Portuguese" },
  { code: "pa", name: "Punjabi" },
  { code: "qu", name: "Quechua" },
  { code: "ro", name: "Romanian" },
  { code: "rm", name: "Romansh" },
  { code: "rn", name: "Rundi" },
  { code: "ru", name: "Russian" },
  { code: "sm", name: "Samoan" },
  { code: "sg", name: "Sango" },
  { code: "sa", name: "Sanskrit" },
  { code: "sc", name: "Sardinian" },
  { code: "gd", name: "Scottish Gaelic" },
  { code: "sr", name: "Serbian" },
  { code: "sn", name: "Shona" },
  { code: "ii", name: "Sichuan Yi" },
  { code: "sd", name: "Sindhi" },
  { code: "si", name: "Sinhala" },
  { code: "sk", name: "Slovak" },
  { code: "sl", name: "Slovenian" },
  { code: "so", name: "Somali" },
  { code: "nr", name: "South Ndebele" },
  { code: "st", name: "Southern Sotho" },
  { code: "es", name: "Spanish" },
  { code: "su", name: "Sundanese" },
  { code: "sw", name: "Swahili" },
  { code: "ss", name: "Swati" },
  { code: "sv", name: "Swedish" },
  { code: "tl", name: "Tagalog" },
  { code: "ty", name: "Tahitian" },
  { code: "tg", name: "Tajik" },
  { code: "ta", name: "Tamil" },
  { code: "tt", name: "Tatar" },
  { code: "te", name: "Telugu" },
  { code: "th", name: "Thai" },
  { code: "bo", name: "Tibetan" },
  { code: "ti", name: "Tigrinya" },
  { code: "to", name: "Tongan" },
  { code: "ts", name: "Tsonga" },
  { code: "tn", name: "Tswana" },
  { code: "tr", name: "Turkish" },
  { code: "tk", name: "Turkmen" },
  { code: "tw", name: "Twi" },
  { code: "uk", name: "Ukrainian" },
  { code: "ur", name: "Urdu" },
  { code: "ug", name: "Uyghur" },
  { code: "uz", name: "Uzbek" },
  { code: "ve", name: "Venda" },
  { code: "vi", name: "Vietnamese" },
  { code: "vo", name: "Volapük" },
  { code: "wa", name: "Walloon" },
  { code: "cy", name: "Welsh" },
  { code: "fy", name: "Western Frisian" },
  { code: "wo", name: "Wolof" },
  { code: "xh", name: "Xhosa" },
  { code: "yi", name: "Yiddish" },
  { code: "yo", name: "Yoruba" },
  { code: "za", name: "Zhuang" },
  { code: "zu", name: "Zulu" },
];

// ---------------------------------------------------------------------------
// Lookup tables (built once)
// ---------------------------------------------------------------------------

const COUNTRY_BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));
const LANGUAGE_BY_CODE: ReadonlyMap<string, Language> = new Map(LANGUAGES.map((l) => [l.code, l]));
const REGION_BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));
const AGE_BAND_LABELS: ReadonlyMap<string, string> = new Map(AGE_BANDS.map((a) => [a.code, a.label]));
const EDUCATION_LABELS: ReadonlyMap<string, string> = new Map(
  EDUCATION_LEVELS.map((e) => [e.code, e.label]),
);
const COUNTRIES_BY_REGION: ReadonlyMap<RegionCode, readonly string[]> = new Map(
  REGION_CODES.map((r) => [r, COUNTRIES.filter((c) => c.region === r).map((c) => c.code)]),
);

/** All country codes, in COUNTRIES order (by name). */
export const COUNTRY_CODES: readonly string[] = COUNTRIES.map((c) => c.code);

/** All language codes, in LANGUAGES order (by name). */
export const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);

// ---------------------------------------------------------------------------
// Type guards (case-sensitive: countries upper-case, everything else lower-case)
// ---------------------------------------------------------------------------

/** True if s is an ISO 3166-1 alpha-2 code in canonical upper-case form. */
export function isCountryCode(s: unknown): s is string {
  return typeof s === "string" && COUNTRY_BY_CODE.has(s);
}

/** True if s is one of REGION_CODES. */
export function isRegionCode(s: unknown): s is RegionCode {
  return typeof s === "string" && REGION_BY_CODE.has(s);
}

/** True if s is one of AGE_BAND_CODES. */
export function isAgeBand(s: unknown): s is AgeBand {
  return typeof s === "string" && AGE_BAND_LABELS.has(s);
}

/** True if s is one of EDUCATION_CODES. */
export function isEducation(s: unknown): s is Education {
  return typeof s === "string" && EDUCATION_LABELS.has(s);
}

/** True if s is an ISO 639-1 code in canonical lower-case form. */
export function isLanguageCode(s: unknown): s is string {
  return typeof s === "string" && LANGUAGE_BY_CODE.has(s);
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

/** UN M49 region of a country code; null for unknown codes and for AQ (Antarctica). */
export function regionOfCountry(code: string): RegionCode | null {
  return COUNTRY_BY_CODE.get(code)?.region ?? null;
}

/** Country codes in a region, ordered by country name (a fresh array; empty for an unknown region). */
export function countriesInRegion(region: RegionCode): string[] {
  return [...(COUNTRIES_BY_REGION.get(region) ?? [])];
}

// ---------------------------------------------------------------------------
// Labels (fall back to the code itself when unknown)
// ---------------------------------------------------------------------------

/** English name of a country code, or the code itself if unknown. */
export function countryName(code: string): string {
  return COUNTRY_BY_CODE.get(code)?.name ?? code;
}

/** English name of a language code, or the code itself if unknown. */
export function languageName(code: string): string {
  return LANGUAGE_BY_CODE.get(code)?.name ?? code;
}

/** Display label of an age band, or the code itself if unknown. */
export function ageBandLabel(code: string): string {
  return AGE_BAND_LABELS.get(code) ?? code;
}

/** Display label of an education level, or the code itself if unknown. */
export function educationLabel(code: string): string {
  return EDUCATION_LABELS.get(code) ?? code;
}

/** Display name of a region, or the code itself if unknown. */
export function regionName(code: string): string {
  return REGION_BY_CODE.get(code)?.name ?? code;
}

// ---------------------------------------------------------------------------
// Normalisation of user / import input
// ---------------------------------------------------------------------------

/** Trim and upper-case input; returns the ISO 3166-1 alpha-2 code, or null if not a valid one. */
export function normalizeCountry(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.trim().toUpperCase();
  return COUNTRY_BY_CODE.has(code) ? code : null;
}

/** Trim and lower-case input, taking the primary subtag of a locale ("pt-BR", "pt_BR"); ISO 639-1 code or null. */
export function normalizeLanguage(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const primary = input.trim().toLowerCase().split(/[-_]/, 1)[0] ?? "";
  return LANGUAGE_BY_CODE.has(primary) ? primary : null;
}
