// What a written file says about itself (PDF Info/XMP, OFD DocInfo, DOCX core properties), and the
// files a packet embeds: shared by the writers and the packet.

export interface FileMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  date: Date;
}

/** A file embedded in the packet (a PDF/A-3 associated file with /AFRelationship /Source, an OFD attachment). */
export interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
  description: string;
}
