import { InvalidArgumentError } from 'commander';

// Parsers for numeric flags: a bad value is rejected before anything runs, with the value quoted.

export function positiveNumber(value: string): number {
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number)) {
    throw new InvalidArgumentError(`Expected a positive number, got \`${value}\``);
  }
  return number;
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError(`Expected a positive integer, got \`${value}\``);
  }
  return number;
}

export function nonNegativeInteger(value: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new InvalidArgumentError(`Expected an integer ≥ 0, got \`${value}\``);
  }
  return number;
}

export function integer(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number))
    throw new InvalidArgumentError(`Expected an integer, got \`${value}\``);
  return number;
}

export function portNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    throw new InvalidArgumentError(`Expected a port (0–65535), got \`${value}\``);
  }
  return number;
}
