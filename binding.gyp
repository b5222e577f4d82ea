{
  "targets": [
    {
      "target_name": "segkit_kernels",
      "sources": ["native/kmeans_kernels.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS", "NAPI_VERSION=8"],
      "cflags_cc!": ["-fno-exceptions", "-O2", "-O3"],
      "cflags_cc": ["-O3", "-ffp-contract=off", "-fno-fast-math", "-std=c++17"],
      "cflags!": ["-O2"]
    }
  ]
}
