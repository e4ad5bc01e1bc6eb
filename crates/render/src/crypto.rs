//! Sprig's keyed functions (`crypto.go` of `Masterminds/sprig` v3): `derivePassword` (the
//! Master Password algorithm: scrypt, then HMAC-SHA256 picking a template and its characters)
//! and `encryptAES`/`decryptAES` (AES-256-CBC, the password zero-padded or cut to 32 bytes as
//! the key, PKCS#7 padding, the IV in front, Base64 outside). The ciphers come from RustCrypto
//! (`aes`, `scrypt`, `hmac`, `sha2`); Go's panics on malformed ciphertext become the errors Go's
//! `text/template` reports for them (`runtime error: …`, `crypto/cipher: input not full blocks`).

use aes::Aes256;
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit, generic_array::GenericArray};
use hmac::{Hmac, Mac};
use sha2::Sha256;

const SEED: &[u8] = b"com.lyndir.masterpassword";

/// The password templates per type (`passwordTypeTemplates`).
fn templates(ty: &str) -> Option<&'static [&'static str]> {
    Some(match ty {
        "maximum" => &["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long" => &[
            "CvcvnoCvcvCvcv",
            "CvcvCvcvnoCvcv",
            "CvcvCvcvCvcvno",
            "CvccnoCvcvCvcv",
            "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno",
            "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv",
            "CvcvCvccCvcvno",
            "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc",
            "CvcvCvcvCvccno",
            "CvccnoCvccCvcv",
            "CvccCvccnoCvcv",
            "CvccCvccCvcvno",
            "CvcvnoCvccCvcc",
            "CvcvCvccnoCvcc",
            "CvcvCvccCvccno",
            "CvccnoCvcvCvcc",
            "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium" => &["CvcnoCvc", "CvcCvcno"],
        "short" => &["Cvcn"],
        "basic" => &["aaanaaan", "aannaaan", "aaannaaa"],
        "pin" => &["nnnn"],
        _ => return None,
    })
}

/// Whether Sprig knows the password type (`maximum`, `long`, `medium`, `short`, `basic`, `pin`).
pub fn is_password_type(ty: &str) -> bool {
    templates(ty).is_some()
}

/// The characters of a template class (`templateCharacters`).
fn class(c: u8) -> &'static [u8] {
    match c {
        b'V' => b"AEIOU",
        b'C' => b"BCDFGHJKLMNPQRSTVWXYZ",
        b'v' => b"aeiou",
        b'c' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        b'a' => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        b'n' => b"0123456789",
        b'o' => b"@&%?,=[]_:-+*$#!'^~;()/.",
        _ => b"AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    }
}

/// The scrypt key of Master Password for a password and user: `scrypt(password,
/// SEED ‖ be32(len(user)) ‖ user, N = 32768, r = 8, p = 2, 64 bytes)` (32 MiB, ~0.1 s native).
pub fn master_key(password: &str, user: &str) -> [u8; 64] {
    let mut salt = SEED.to_vec();
    salt.extend_from_slice(&(user.len() as u32).to_be_bytes());
    salt.extend_from_slice(user.as_bytes());
    let params = scrypt::Params::new(15, 8, 2, 64).expect("scrypt parameters of Sprig are valid");
    let mut key = [0u8; 64];
    scrypt::scrypt(password.as_bytes(), &salt, &params, &mut key).expect("64-byte output is valid");
    key
}

/// Sprig's `derivePassword counter type password user site` from the key [`master_key`]
/// returns; an unknown type gives Sprig's text `cannot find password template TYPE`.
pub fn derive_password(counter: u32, ty: &str, key: &[u8; 64], site: &str) -> String {
    let Some(templates) = templates(ty) else {
        return format!("cannot find password template {ty}");
    };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(SEED);
    mac.update(&(site.len() as u32).to_be_bytes());
    mac.update(site.as_bytes());
    mac.update(&counter.to_be_bytes());
    let seed = mac.finalize().into_bytes();
    let temp = templates[seed[0] as usize % templates.len()].as_bytes();
    temp.iter()
        .enumerate()
        .map(|(i, &c)| {
            let chars = class(c);
            chars[seed[i + 1] as usize % chars.len()] as char
        })
        .collect()
}

fn cipher(password: &[u8]) -> Aes256 {
    let mut key = [0u8; 32];
    let n = password.len().min(32);
    key[..n].copy_from_slice(&password[..n]);
    Aes256::new(GenericArray::from_slice(&key))
}

/// Sprig's `encryptAES` with the given IV: the bytes before Base64 (IV ‖ ciphertext).
pub fn encrypt_aes(password: &[u8], plain: &[u8], iv: [u8; 16]) -> Vec<u8> {
    let c = cipher(password);
    let pad = 16 - plain.len() % 16;
    let mut content = plain.to_vec();
    content.extend(std::iter::repeat_n(pad as u8, pad));
    let mut out = iv.to_vec();
    let mut prev = iv;
    for chunk in content.chunks(16) {
        let mut block = [0u8; 16];
        for i in 0..16 {
            block[i] = chunk[i] ^ prev[i];
        }
        let mut b = GenericArray::from(block);
        c.encrypt_block(&mut b);
        prev.copy_from_slice(&b);
        out.extend_from_slice(&b);
    }
    out
}

/// Sprig's `decryptAES` of the Base64-decoded bytes: the plaintext (its padding cut by the
/// last byte, unchecked, as Sprig does), or the text of Go's panic for malformed input.
pub fn decrypt_aes(password: &[u8], crypt: &[u8]) -> Result<String, String> {
    if crypt.len() < 16 {
        return Err(format!("runtime error: slice bounds out of range [:16] with capacity {}", crypt.len()));
    }
    let (iv, body) = crypt.split_at(16);
    if body.len() % 16 != 0 {
        return Err("crypto/cipher: input not full blocks".into());
    }
    let c = cipher(password);
    let mut out = Vec::with_capacity(body.len());
    let mut prev: &[u8] = iv;
    for chunk in body.chunks(16) {
        let mut b = GenericArray::clone_from_slice(chunk);
        c.decrypt_block(&mut b);
        out.extend(b.iter().zip(prev).map(|(x, y)| x ^ y));
        prev = chunk;
    }
    let Some(&last) = out.last() else {
        return Err("runtime error: index out of range [-1]".into());
    };
    let end = out.len() as i64 - i64::from(last);
    if end < 0 {
        return Err(format!("runtime error: slice bounds out of range [:{end}]"));
    }
    out.truncate(end as usize);
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aes_round_trip_and_go_panics() {
        let iv = [7u8; 16];
        for plain in ["", "a", "0123456789abcdef", "sixteen+ bytes of text"] {
            let c = encrypt_aes(b"secret", plain.as_bytes(), iv);
            assert_eq!(c.len(), 16 + (plain.len() / 16 + 1) * 16);
            assert_eq!(decrypt_aes(b"secret", &c).as_deref(), Ok(plain));
        }
        assert_eq!(
            decrypt_aes(b"k", b"short").unwrap_err(),
            "runtime error: slice bounds out of range [:16] with capacity 5"
        );
        assert_eq!(decrypt_aes(b"k", &[0; 20]).unwrap_err(), "crypto/cipher: input not full blocks");
        assert_eq!(decrypt_aes(b"k", &[0; 16]).unwrap_err(), "runtime error: index out of range [-1]");
    }
}
