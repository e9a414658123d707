import { describe, expect, it } from 'vitest';
import { toolWords } from './tool-words.js';

describe('toolWords', () => {
  it('splits names at underscores, dots, dashes and camel case', () => {
    expect(toolWords('religion_history.track')).toEqual(['religion', 'history', 'track']);
    expect(toolWords('getWeatherForecast')).toEqual(['weather', 'forecast']);
    expect(toolWords('HTTPServer-status')).toEqual(['http', 'server', 'status']);
    expect(toolWords('calculate_BMI')).toEqual(['calculate', 'bmi']);
  });

  it('drops the words every request and every description shares', () => {
    expect(toolWords('Could you please find me the weather in Oslo?')).toEqual(['weather', 'oslo']);
    expect(toolWords('I want to know how much it costs')).toEqual(['much', 'cost']);
  });

  it('reduces regular plurals to their singular, and leaves -ss, -us and -is words alone', () => {
    expect(toolWords('triangles cities shots')).toEqual(['triangle', 'city', 'shot']);
    expect(toolWords('class status analysis bus')).toEqual(['class', 'status', 'analysis', 'bus']);
  });

  it('keeps numbers as written, and gives nothing for text without words', () => {
    expect(toolWords('from 100 A.D to 1500s')).toEqual(['100', 'd', '1500s']);
    expect(toolWords('?! — …')).toEqual([]);
    expect(toolWords('')).toEqual([]);
  });
});
