/** The languages a near-miss answer can be asked in (`lang` arguments). */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Words the domains' summaries use, per language; English is the default. */
const WORDS: Record<string, Record<Exclude<Language, 'en'>, string>> = {
  sunny: { de: 'sonnig', fr: 'ensoleillé', es: 'soleado' },
  cloudy: { de: 'bewölkt', fr: 'nuageux', es: 'nublado' },
  rain: { de: 'Regen', fr: 'pluie', es: 'lluvia' },
  windy: { de: 'windig', fr: 'venteux', es: 'ventoso' },
  fog: { de: 'Nebel', fr: 'brouillard', es: 'niebla' },
  snow: { de: 'Schnee', fr: 'neige', es: 'nieve' },
  balance: { de: 'Kontostand', fr: 'solde', es: 'saldo' },
  orders: { de: 'Bestellungen', fr: 'commandes', es: 'pedidos' },
  total: { de: 'gesamt', fr: 'au total', es: 'en total' },
  Balances: { de: 'Kontostände', fr: 'Soldes', es: 'Saldos' },
  flights: { de: 'Flüge', fr: 'vols', es: 'vuelos' },
};

/** A word of a summary in a language (itself where no translation is listed). */
export function translate(word: string, language: Language): string {
  if (language === 'en') return word;
  return WORDS[word]?.[language] ?? word;
}

/** An amount with two decimals, grouped as the language writes numbers. */
export function formatAmount(amount: number, language: Language): string {
  const locale = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' }[language];
  return amount.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
