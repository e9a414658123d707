import { findKnownName } from './near-miss-calendar.js';

/**
 * The directory the people-related domains share (balances, orders, and the relations a near
 * miss names: "Alice's manager", "Bob's hometown"). Illustrative values.
 */
export const PEOPLE = [
  {
    name: 'Alice',
    balance: 1200.5,
    manager: 'Grace',
    assistant: 'Heidi',
    spouse: 'Bob',
    hometown: 'Lyon',
    team: ['Bob', 'Carol'],
  },
  {
    name: 'Bob',
    balance: 340.25,
    manager: 'Alice',
    assistant: 'Ivan',
    spouse: 'Alice',
    hometown: 'Bordeaux',
    team: ['Dave'],
  },
  {
    name: 'Carol',
    balance: 5020,
    manager: 'Alice',
    assistant: 'Judy',
    spouse: 'Dave',
    hometown: 'Rome',
    team: ['Erin', 'Frank'],
  },
  {
    name: 'Dave',
    balance: 75.8,
    manager: 'Bob',
    assistant: 'Heidi',
    spouse: 'Carol',
    hometown: 'Milan',
    team: ['Ivan'],
  },
  {
    name: 'Erin',
    balance: 2890.1,
    manager: 'Carol',
    assistant: 'Judy',
    spouse: 'Frank',
    hometown: 'Berlin',
    team: ['Judy'],
  },
  {
    name: 'Frank',
    balance: 610,
    manager: 'Carol',
    assistant: 'Ivan',
    spouse: 'Erin',
    hometown: 'Madrid',
    team: ['Heidi'],
  },
  {
    name: 'Grace',
    balance: 9100.75,
    manager: 'Grace',
    assistant: 'Heidi',
    spouse: 'Ivan',
    hometown: 'Vienna',
    team: ['Alice', 'Erin'],
  },
  {
    name: 'Heidi',
    balance: 455.4,
    manager: 'Grace',
    assistant: 'Judy',
    spouse: 'Judy',
    hometown: 'Lisbon',
    team: ['Frank'],
  },
  {
    name: 'Ivan',
    balance: 1333.33,
    manager: 'Grace',
    assistant: 'Heidi',
    spouse: 'Grace',
    hometown: 'Oslo',
    team: ['Bob', 'Dave'],
  },
  {
    name: 'Judy',
    balance: 88,
    manager: 'Erin',
    assistant: 'Ivan',
    spouse: 'Heidi',
    hometown: 'Paris',
    team: ['Carol'],
  },
] as const;

export type Person = (typeof PEOPLE)[number];
export const PERSON_NAMES = PEOPLE.map((person) => person.name);

/** Companies: an entity of another kind where a person's name is expected. */
export const COMPANIES = [
  { name: 'Acme Corp', balance: 125000 },
  { name: 'Globex', balance: 98000.5 },
  { name: 'Initech', balance: 43210 },
  { name: 'Umbrella', balance: 770000 },
] as const;

/** The relations a near miss can name, as `get_person` returns them. */
export const RELATIONS = ['manager', 'assistant', 'spouse'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * A person by name, as a directory search resolves free text: the first known name in it
 * (`"Alice's manager"` finds Alice). Lenient like most search endpoints, which is why a wrong
 * argument can come back as a plausible answer rather than an error.
 */
export function searchPerson(text: string): Person {
  const name = findKnownName(text, PERSON_NAMES);
  const person = PEOPLE.find((each) => each.name === name);
  if (person === undefined) throw new Error(`No person matches "${text}".`);
  return person;
}
