#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| extcheck_core::fuzz::template(data));
