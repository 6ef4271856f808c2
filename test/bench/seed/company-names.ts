/**
 * Company names as a real register holds them (issue 29, target 5): family names, places and trade words
 * with legal suffixes, so the near-duplicate search meets what it meets in production — many names sharing
 * words and trigrams ("Smith Engineering Ltd", "Smith Precision Engineering Ltd"), exact collisions
 * between unrelated firms, and near-duplicates of one firm written two ways ("Smith & Sons Ltd" and
 * "Smith and Sons Limited"). Deterministic: the same seed gives the same names in the same order.
 */

/** A list written as one comma-separated text (entries may hold spaces). */
function words(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}

const FAMILY = words(`
  Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Robinson,
  Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris, Clarke, Patel,
  Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker,
  Harrison, Morgan, Allen, James, Scott, Phillips, Watson, Parker, Price, Bennett, Young, Griffiths,
  Mitchell, Kelly, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Khan, Ahmed, Singh,
  MacDonald, Campbell, Stewart, Fraser, Reid, O'Brien, Byrne, Doyle, Müller, Schmidt, Schneider,
  Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Koch, García, Martínez, López, Sánchez, Fernández,
  González, Rodríguez, Pérez, Romero, Navarro
`);

const PLACES = words(`
  Manchester, Leeds, Bristol, Sheffield, Cardiff, Glasgow, Belfast, Norwich, York, Kent, Pennine,
  Severn, Thames, Mersey, Cotswold, Highland, Northern, Western, Anglian, Midland, Wessex, Chiltern,
  Solent, Tyne, Clyde, Humber, Dales, Moorland, Mendip, Fenland, Albion, Britannia, Caledonian,
  Cambrian, Ulster, Bavaria, Rhein, Valencia, Castilla, Atlantic
`);

const TRADES = words(`
  Engineering, Precision Engineering, Foods, Fine Foods, Textiles, Logistics, Plastics, Metalworks,
  Electronics, Software, Digital, Design, Joinery, Packaging, Brewing, Bakery, Dairy, Print, Marine,
  Tools, Components, Fabrications, Ceramics, Pharma, Cosmetics, Furniture, Glass, Timber, Coatings,
  Controls, Hydraulics, Consulting, Trading, Imports, Exports, Supplies, Solutions, Systems,
  Technologies, Instruments, Distillery, Outdoor
`);

/** Legal forms with rough register frequencies (out of 100). */
const SUFFIXES: [suffix: string, weight: number][] = [
  ['Ltd', 42],
  ['Limited', 22],
  ['Ltd.', 4],
  ['plc', 3],
  ['GmbH', 9],
  ['S.L.', 7],
  ['S.A.', 5],
  ['& Co.', 4],
  ['LLP', 4],
];

/** mulberry32: a small, fast, seedable PRNG; values in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One firm's name written another way, as the same firm turns up twice in a register. */
const VARIANTS: [from: RegExp, to: string][] = [
  [/ & /, ' and '],
  [/ and /, ' & '],
  [/ Ltd$/, ' Limited'],
  [/ Limited$/, ' Ltd'],
  [/ Ltd$/, ' Ltd.'],
  [/ Sons /, ' Son '],
  [/ (Ltd|Limited)$/, ' (UK) $1'],
  [/ (Ltd|Limited)$/, ' Group $1'],
];

export class CompanyNames {
  private readonly random: () => number;
  private readonly made: string[] = [];

  constructor(seed: number) {
    this.random = prng(seed * 7919 + 17);
  }

  next(): string {
    const r = this.random();
    // One name in twelve is an earlier firm written again another way (or, failing that, exactly again).
    if (this.made.length > 20 && r < 1 / 12) {
      const earlier = this.made[Math.floor(this.random() * this.made.length)];
      const name = this.variant(earlier);
      this.made.push(name);
      return name;
    }
    const stem = this.stem();
    const suffix = this.suffix();
    // "Smith & Jones & Co." is not a name anyone registers.
    const name = `${stem} ${/&| and /.test(stem) && suffix === '& Co.' ? 'Ltd' : suffix}`;
    this.made.push(name);
    return name;
  }

  many(count: number): string[] {
    return Array.from({ length: count }, () => this.next());
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  private stem(): string {
    const family = this.pick(FAMILY);
    const r = this.random();
    if (r < 0.12) return `${family} ${this.random() < 0.6 ? '&' : 'and'} Sons`;
    if (r < 0.2) return `${family} ${this.random() < 0.6 ? '&' : 'and'} ${this.pick(FAMILY)}`;
    if (r < 0.45) return `${family} ${this.pick(TRADES)}`;
    if (r < 0.75) return `${this.pick(PLACES)} ${this.pick(TRADES)}`;
    if (r < 0.82) return `${family} Brothers`;
    if (r < 0.9) return `${this.pick(PLACES)} ${this.pick(TRADES)} Group`;
    return `${family} ${this.pick(PLACES)} ${this.pick(TRADES)}`;
  }

  private suffix(): string {
    let r = this.random() * SUFFIXES.reduce((sum, [, w]) => sum + w, 0);
    for (const [suffix, weight] of SUFFIXES) {
      r -= weight;
      if (r < 0) return suffix;
    }
    return 'Ltd';
  }

  private variant(name: string): string {
    const start = Math.floor(this.random() * VARIANTS.length);
    for (let i = 0; i < VARIANTS.length; i++) {
      const [from, to] = VARIANTS[(start + i) % VARIANTS.length];
      if (from.test(name)) return name.replace(from, to);
    }
    return name;
  }
}
