//! Chart.yaml rules shared by every chart: KubeSphere packages, Rancher extension charts and
//! plain Helm charts (HELM codes).

pub mod rules;
