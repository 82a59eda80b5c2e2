const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/** Renders `{ Name: value }` as S3's flat elements; arrays repeat the element, objects nest. */
type XmlValue = string | number | boolean | XmlFields | XmlFields[];
interface XmlFields {
  [name: string]: XmlValue | undefined;
}

function renderFields(fields: XmlFields): string {
  let xml = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const inner = typeof item === 'object' ? renderFields(item) : escapeXml(String(item));
      xml += `<${name}>${inner}</${name}>`;
    }
  }
  return xml;
}

export function xmlDocument(root: string, fields: XmlFields): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${renderFields(fields)}</${root}>`;
}

interface CompletedPart {
  partNumber: number;
  etag: string;
}

const elementText = (xml: string, name: string) =>
  new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml)?.[1];

/**
 * Reads the part list of a CompleteMultipartUpload body. The document is tiny and flat, so a strict
 * pattern reader suffices; anything that is not that shape yields undefined (S3's MalformedXML).
 */
export function parseCompleteMultipartUpload(xml: string): CompletedPart[] | undefined {
  const body = elementText(xml.replace(/<\?xml[^>]*\?>/, ''), 'CompleteMultipartUpload');
  if (body === undefined) return undefined;
  const parts: CompletedPart[] = [];
  for (const match of body.matchAll(/<(?:\w+:)?Part(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?Part>/g)) {
    const partXml = match[1] ?? '';
    const partNumberText = elementText(partXml, 'PartNumber')?.trim();
    const etag = elementText(partXml, 'ETag');
    if (!partNumberText || !/^\d+$/.test(partNumberText) || etag === undefined) return undefined;
    parts.push({ partNumber: Number(partNumberText), etag: unescapeXml(etag).trim() });
  }
  return parts.length === 0 ? undefined : parts;
}
