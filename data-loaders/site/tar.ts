/**
 * A minimal POSIX ustar writer (regular files only). Framework 1.13 extracts `data/tables/x.csv` from a loader
 * named `data/tables.tar.ts`, so one loader process can export every table instead of one process per file.
 */
function field(text: string, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.write(text, "ascii");
  return b;
}

function octal(n: number, length: number): Buffer {
  return field(n.toString(8).padStart(length - 1, "0"), length);
}

/** One file of an archive: its name inside it and its content. */
export interface TarEntry {
  name: string;
  bytes: Uint8Array;
}

export function tarArchive(files: readonly TarEntry[], mtime = 0): Buffer {
  const blocks: Buffer[] = [];
  for (const { name, bytes } of files) {
    if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name longer than 100 bytes: ${name}`);
    const header = Buffer.concat([
      field(name, 100),
      octal(0o644, 8),
      octal(0, 8),
      octal(0, 8),
      octal(bytes.length, 12),
      octal(mtime, 12),
      Buffer.from("        "), // checksum placeholder: eight spaces while summing
      field("0", 1),
      field("", 100),
      field("ustar\u000000", 8),
      field("", 32),
      field("", 32),
      octal(0, 8),
      octal(0, 8),
      field("", 155),
      field("", 12),
    ]);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, "ascii");
    blocks.push(header, Buffer.from(bytes), Buffer.alloc((512 - (bytes.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
