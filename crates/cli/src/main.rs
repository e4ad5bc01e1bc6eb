//! `extcheck`: the command-line front end over extcheck-core.

fn main() {
    println!("extcheck {}", env!("CARGO_PKG_VERSION"));
}
