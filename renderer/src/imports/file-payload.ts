// A file the analyst chose, as the base64 text the import operations carry (both transports speak JSON).
export interface FilePayload {
  name: string;
  base64: string;
  size: number;
}

export async function readFilePayload(file: File): Promise<FilePayload> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`${file.name} could not be read. Check that the file is not open elsewhere, then choose it again.`));
    reader.readAsDataURL(file);
  });
  // "data:<type>;base64,<payload>": the backend wants the payload only.
  return { name: file.name, base64: dataUrl.slice(dataUrl.indexOf(',') + 1), size: file.size };
}
