// From the documentation of golang.org/x/mod/sumdb/note (data only). Ed25519 is deterministic, so
// signing GO_TEXT with GO_SKEY must give exactly GO_NOTE, whichever implementation signs.
export const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
export const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
export const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
export const GO_NOTE = GO_TEXT + '\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
