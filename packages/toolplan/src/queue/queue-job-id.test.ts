import { describe, expect, it } from 'vitest';
import { queueJobId } from './queue-job-id.js';

describe('queueJobId', () => {
  it('escapes the separators BullMQ refuses in a job id', () => {
    expect(queueJobId('run:step')).toBe('krun%3Astep');
    expect(queueJobId('run:step:3')).toBe('krun%3Astep%3A3');
  });

  it('keeps distinct keys distinct, `%` included', () => {
    expect(queueJobId('a%3Ab')).not.toBe(queueJobId('a:b'));
    expect(queueJobId('a%3Ab')).toBe('ka%253Ab');
  });

  it('names each attempt of a repeatable call apart', () => {
    expect(queueJobId('run:step', 1)).toBe('krun%3Astep%231');
    expect(queueJobId('run:step', 2)).not.toBe(queueJobId('run:step', 1));
    expect(queueJobId('run:step', 1)).not.toBe(queueJobId('run:step'));
  });

  it('never gives an integer id', () => {
    expect(queueJobId('42')).toBe('k42');
  });
});
