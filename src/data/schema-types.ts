// The TypeScript type of a value the schema table describes, read off the table at compile time:
// text and enums are strings, dates DateValues, refs lists of ids, objects their fields (required
// ones required), lists arrays. data/types.ts builds UnitData from it, so the table is the one source.
import type { DateValue } from './dates.js';
import type { FieldSpec } from './schema.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type ValueOf<T> = T extends { kind: 'text' | 'enum' }
  ? string
  : T extends { kind: 'date' }
    ? DateValue
    : T extends { kind: 'bool' }
      ? boolean
      : T extends { kind: 'refs' }
        ? string[]
        : T extends { kind: 'object'; fields: infer F extends readonly FieldSpec[] }
          ? ObjectValue<F>
          : T extends { kind: 'list'; of: infer O }
            ? ValueOf<O>[]
            : never;

/** An object of these fields: the required ones required, the others optional. */
export type ObjectValue<F extends readonly FieldSpec[]> = Simplify<
  { [S in F[number] as S['required'] extends true ? S['key'] : never]: ValueOf<S['type']> } & { [S in F[number] as S['required'] extends true ? never : S['key']]?: ValueOf<S['type']> }
>;

/** Fields every value has, whatever the table says (the loader fills them in). */
export type Settled<T, K extends keyof T> = Simplify<Omit<T, K> & Required<Pick<T, K>>>;
/** Fields the table requires of one kind but not of another (四风类别 only in 教育实践活动). */
export type Loose<T, K extends keyof T> = Simplify<Omit<T, K> & Partial<Pick<T, K>>>;
