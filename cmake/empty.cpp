// An empty translation unit: the layer checks of cmake/layers.cmake link a layer's archive into it.
