// The family names each role accepts, in the order an office prefers them, and the style of a
// face judged by its names (for fallback: a 仿宋 for 仿宋, a serif for a serif). Names are matched
// against every family, full and PostScript name of a face, whatever its file is called.
import type { FontRole } from '../style/gbt9704.js';

/**
 * First the GB font the standard names (what Windows and WPS users have), then the same design
 * under other vendors' names (macOS, 方正, 华文), then free fonts of the same style that Linux
 * distributions (UOS, Kylin, Debian) ship.
 */
export const ROLE_FAMILIES: Record<FontRole, readonly string[]> = {
  title: [
    '方正小标宋简体',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05S',
    'FZXiaoBiaoSong-B05',
    'FZXBSJW--GB1-0',
    '方正小标宋',
    '华文中宋',
    'STZhongsong',
    'Noto Serif CJK SC Black',
    'Source Han Serif SC Heavy',
    'Noto Serif CJK SC Bold',
    'Source Han Serif SC Bold',
  ],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '仿宋_GBK', '华文仿宋', 'STFangsong', '方正仿宋简体', 'FZFangSong-Z02S', 'FandolFang'],
  heading3: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '仿宋_GBK', '华文仿宋', 'STFangsong', '方正仿宋简体', 'FZFangSong-Z02S', 'FandolFang'],
  heading1: ['黑体', 'SimHei', '黑体-简', 'Heiti SC', '华文黑体', 'STHeiti', '方正黑体简体', 'FZHei-B01S', 'FandolHei', 'Noto Sans CJK SC', 'Source Han Sans SC'],
  heading2: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '楷体-简', 'Kaiti SC', '华文楷体', 'STKaiti', '方正楷体简体', 'FZKai-Z03S', 'FandolKai', 'AR PL KaitiM GB', 'AR PL UKai CN'],
  pageNumber: ['宋体', 'SimSun', '宋体-简', 'Songti SC', '华文宋体', 'STSong', '新宋体', 'NSimSun', '方正书宋简体', 'FandolSong', 'AR PL SungtiL GB', 'Noto Serif CJK SC', 'Source Han Serif SC'],
};

/** Names compare without case, spaces, hyphens or underscores, and with full-width forms folded. */
export const normName = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-]/g, '');

export type Style = 'fangsong' | 'kai' | 'hei' | 'song';

/** The style each role wants of a fallback face. */
export const ROLE_STYLE: Record<FontRole, Style> = { title: 'song', body: 'fangsong', heading3: 'fangsong', heading1: 'hei', heading2: 'kai', pageNumber: 'song' };

/** Styles to try after a role's own, before any other CJK face (fallback order, README). */
export const RELATED_STYLES: Record<Style, Style[]> = { fangsong: ['song', 'kai'], kai: ['fangsong', 'song'], song: ['fangsong', 'kai'], hei: [] };

/** A face's style from its names; undefined when they do not say. */
export function styleOf(names: readonly string[]): Style | undefined {
  const n = names.map(normName).join(' ');
  if (/仿宋|fangsong|fang(?![a-z])|fandolfang/.test(n)) return 'fangsong';
  if (/楷|kai/.test(n)) return 'kai';
  if (/黑|hei|sans|gothic|ゴシック/.test(n)) return 'hei';
  if (/宋|song|serif|ming|明朝|mincho|hanamin/.test(n)) return 'song';
  return undefined;
}
