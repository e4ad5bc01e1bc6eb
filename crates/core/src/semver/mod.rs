//! Version parsing and the range engines, each exactly as its upstream behaves: Masterminds
//! semver v3 (Go: Helm, KubeSphere, the Rancher backend) and npm `semver` 7.5.4 (JavaScript:
//! the KubeSphere console and the Rancher dashboard).
