import { inflateRawSync } from 'node:zlib';

/** The file names in a zip archive, read from its central directory (enough for a VSIX). */
export function listZipEntries(zip: Buffer): string[] {
    const endSignature = 0x06054b50;
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end--;
    if (end < 0) throw new Error('not a zip archive: no end of central directory');
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

/** The bytes of one entry of a zip archive (stored or deflated, as vsce writes them). */
export function readZipEntry(zip: Buffer, name: string): Buffer {
    const endSignature = 0x06054b50;
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end--;
    if (end < 0) throw new Error('not a zip archive: no end of central directory');
    let offset = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
        const nameLength = zip.readUInt16LE(offset + 28);
        const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
        if (entryName === name) {
            const method = zip.readUInt16LE(offset + 10);
            const compressedSize = zip.readUInt32LE(offset + 20);
            const local = zip.readUInt32LE(offset + 42);
            const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
            const bytes = zip.subarray(data, data + compressedSize);
            if (method === 0) return Buffer.from(bytes);
            if (method === 8) return inflateRawSync(bytes);
            throw new Error(`${name}: unsupported compression method ${method}`);
        }
        offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    }
    throw new Error(`${name} is not in the archive`);
}
