//! Completeness checklist (stub).
