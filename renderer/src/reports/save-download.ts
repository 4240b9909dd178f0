// Saves a file the backend handed back: a Blob behind a temporary link. The browser (serve) downloads
// it; the desktop window shows its save dialog. Used by reports and by the integrity screen's proofs.
import type { Download } from '../../../shared/api/reports';

export function saveDownload(file: Download): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
