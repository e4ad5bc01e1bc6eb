//! The in-memory package: files by path, read from an archive, a folder or a single file.
