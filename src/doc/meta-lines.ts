// The 公文 elements a template sets in its front matter as a line of text, in the order GB/T 9704 §7
// places them: the DocMeta field, the front-matter key and its Chinese names. DocMeta, the front
// matter reader and the tree dump all read this one table.

export const META_LINES = [
  { meta: 'copyNumber', key: 'copy_number', aliases: ['份号'] },
  { meta: 'secrecy', key: 'secrecy', aliases: ['密级', '密级和保密期限'] },
  { meta: 'urgency', key: 'urgency', aliases: ['紧急程度'] },
  /** 发文机关标志 (the red head), e.g. 中共某某委员会党组文件. */
  { meta: 'issuerMark', key: 'issuer_mark', aliases: ['发文机关标志'] },
  { meta: 'docNumber', key: 'doc_number', aliases: ['发文字号'] },
  { meta: 'signer', key: 'signer', aliases: ['签发人'] },
  { meta: 'title', key: 'title', aliases: ['标题'] },
  { meta: 'subtitle', key: 'subtitle', aliases: ['副标题'] },
  { meta: 'recipients', key: 'recipients', aliases: ['主送机关', '主送'] },
  { meta: 'signature', key: 'signature', aliases: ['署名', '发文机关署名'] },
  { meta: 'date', key: 'date', aliases: ['成文日期'] },
  { meta: 'note', key: 'note', aliases: ['附注'] },
  { meta: 'cc', key: 'cc', aliases: ['抄送机关', '抄送'] },
  { meta: 'printer', key: 'printer', aliases: ['印发机关'] },
  { meta: 'printDate', key: 'print_date', aliases: ['印发日期'] },
] as const;

export type MetaLineKey = (typeof META_LINES)[number]['meta'];
