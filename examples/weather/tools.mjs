// The tools for examples/weather/plan.json: deterministic values behind a realistic delay, so
// the run shows five weather calls overlapping instead of taking turns.
import { z } from 'zod';
import { defineTool } from 'toolplan';

const TEMPERATURES = { Boston: 31, 'New York': 36, Chicago: 22, Miami: 77, Seattle: 45 };

const delay = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export default [
  defineTool({
    name: 'get_weather',
    description: 'Weather for a city on a date (temperature in °F).',
    inputSchema: z.object({ city: z.string(), date: z.string().describe('YYYY-MM-DD') }),
    readOnly: true,
    idempotent: true,
    timeoutMs: 2000,
    async execute({ city, date }, { signal }) {
      await delay(120 + city.length * 10, signal);
      const temp = TEMPERATURES[city];
      if (temp === undefined) throw new Error(`No weather data for ${city}`);
      return { city, date, temp, condition: temp > 60 ? 'sunny' : 'cloudy' };
    },
  }),
  defineTool({
    name: 'compare_temps',
    description: 'Compare weather results: warmest and coldest city.',
    inputSchema: z.object({ results: z.array(z.object({ city: z.string(), temp: z.number() })) }),
    readOnly: true,
    execute({ results }) {
      const sorted = [...results].sort((left, right) => right.temp - left.temp);
      const warmest = sorted[0];
      const coldest = sorted[sorted.length - 1];
      return {
        warmest: warmest.city,
        high: warmest.temp,
        coldest: coldest.city,
        low: coldest.temp,
        spread: warmest.temp - coldest.temp,
      };
    },
  }),
];
