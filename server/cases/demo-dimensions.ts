import type { Specialty } from './demo-procedures';

// The organizational side of the demo: who operates, who pays, where, and for which client.

const FIRST_NAMES = [
  'Sarah',
  'James',
  'Priya',
  'Michael',
  'Elena',
  'David',
  'Aisha',
  'Robert',
  'Mei',
  'Carlos',
  'Hannah',
  'Omar',
  'Laura',
  'Daniel',
  'Grace',
  'Thomas',
  'Nadia',
  'Samuel',
  'Julia',
  'Kwame',
];
const LAST_NAMES = [
  'Chen',
  'Patel',
  'Okafor',
  'Rivera',
  'Johnson',
  'Nguyen',
  'Kowalski',
  'Haddad',
  'Williams',
  'Garcia',
  'Schmidt',
  'Tanaka',
  'Brennan',
  'Moreau',
  'Ibrahim',
  'Larsen',
  'Costa',
  'Feldman',
  'Singh',
  'Walsh',
];

const SPECIALTY_SURGEONS: [Specialty, number][] = [
  ['orthopedics', 12],
  ['cardiac', 8],
  ['general', 12],
  ['obstetrics', 10],
  ['spine', 6],
  ['urology', 4],
  ['eye', 3],
  ['digestive', 3],
  ['critical', 2],
];

interface DemoSurgeon {
  name: string;
  specialty: Specialty;
  /** Multiplies cost; a few surgeons are notably dearer or cheaper than their peers. */
  costFactor: number;
  /** Multiplies operating time. */
  speedFactor: number;
}

/** Sixty surgeons with distinct names; their effects come from a fixed pattern, not chance. */
export const DEMO_SURGEONS: DemoSurgeon[] = SPECIALTY_SURGEONS.flatMap(([specialty, count], group) =>
  Array.from({ length: count }, (_, index) => {
    const position = SPECIALTY_SURGEONS.slice(0, group).reduce((sum, [, size]) => sum + size, 0) + index;
    const first = FIRST_NAMES[(position * 7) % FIRST_NAMES.length];
    const last = LAST_NAMES[(position * 3 + Math.floor(position / 20)) % LAST_NAMES.length];
    return {
      name: `Dr. ${first} ${last}`,
      specialty,
      costFactor: 0.85 + ((position * 37) % 31) / 100,
      speedFactor: 0.8 + ((position * 53) % 41) / 100,
    };
  }),
);

interface DemoPayor {
  name: string;
  /** Share of cases. */
  share: number;
  /** What the payor pays the hospital, as a multiple of cost. */
  paymentRate: number;
}

export const DEMO_PAYORS: DemoPayor[] = [
  { name: 'Medicare', share: 0.3, paymentRate: 1.02 },
  { name: 'Medicaid', share: 0.14, paymentRate: 0.82 },
  { name: 'UnitedHealthcare', share: 0.1, paymentRate: 1.45 },
  { name: 'Aetna', share: 0.08, paymentRate: 1.5 },
  { name: 'Blue Cross Blue Shield', share: 0.11, paymentRate: 1.55 },
  { name: 'Cigna', share: 0.06, paymentRate: 1.48 },
  { name: 'Humana', share: 0.06, paymentRate: 1.1 },
  { name: 'Kaiser Permanente', share: 0.04, paymentRate: 1.35 },
  { name: 'Anthem', share: 0.04, paymentRate: 1.42 },
  { name: 'Molina Healthcare', share: 0.03, paymentRate: 0.9 },
  { name: 'Tricare', share: 0.02, paymentRate: 1.05 },
  { name: 'Self-pay', share: 0.02, paymentRate: 0.45 },
];

interface DemoProvider {
  name: string;
  share: number;
  costFactor: number;
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  { name: 'Mercy General Hospital', share: 0.32, costFactor: 1.05 },
  { name: "St. Luke's Medical Center", share: 0.25, costFactor: 1.12 },
  { name: 'Riverside Community Hospital', share: 0.18, costFactor: 0.95 },
  { name: 'Northside Orthopedic & Surgical Center', share: 0.13, costFactor: 0.88 },
  { name: 'Lakeview Regional Medical Center', share: 0.12, costFactor: 1 },
];

export const DEMO_CLIENTS = [
  'State Employees Health Plan',
  'Acme Manufacturing',
  'Northwind Logistics',
  'Cedar Valley School District',
  'Summit Financial Group',
  'Harbor City Government',
  'Pioneer Retail Cooperative',
  'Bluewater Energy',
];
