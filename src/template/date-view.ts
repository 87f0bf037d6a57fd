// A date as templates see it: prints in Chinese (2014年3月31日), with parts for custom formats.
import { formatDateIso, formatDateZh, type DateValue } from '../data/dates.js';

/** A date as templates see it: prints in Chinese, with parts for custom formats. */
export class DateView {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly ongoing: boolean;
  readonly iso: string;
  readonly zh: string;
  /** Written in words (2014年3月底前, 立行立改): custom formats print the words too. */
  readonly words: boolean;
  private readonly v: DateValue;
  constructor(d: DateValue) {
    this.v = d;
    this.words = d.text !== undefined;
    this.ongoing = d.kind === 'ongoing';
    this.year = d.kind === 'date' ? d.year : null;
    this.month = d.kind === 'date' ? d.month : null;
    this.day = d.kind === 'date' ? d.day : null;
    this.iso = formatDateIso(d);
    this.zh = formatDateZh(d);
  }
  toString(): string {
    return this.zh;
  }
  value(): DateValue {
    return this.v;
  }
}
